"""Synthetic corpora and term bases for the benchmarks, made from our own word lists.

Everything is generated from a fixed seed, so two runs on two machines measure
the same text. The prose is English-, Russian- or Chinese-like: real words in
plausible sentence shapes, with the typography of published text (curly quotes,
dashes, the odd accented word), and renderings of term base phrases (accepted
ones and deprecated ones) inserted at a steady density.

Term bases are nested: the first 100 phrases of the 1,000-phrase base are the
100-phrase base, and so on, so every size sees the same inserted renderings.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass

SEED = 20261123

# ------------------------------------------------------------------ English

EN_ADJECTIVES = """
regional national global economic social cultural rural urban digital green
open fair shared common mutual lasting stable balanced inclusive sustainable
coastal inland northern southern eastern western central maritime industrial
agricultural financial legal public private joint local foreign domestic
strategic practical modern ancient scientific technical academic medical
environmental judicial military civil diplomatic maritime cooperative peaceful
fiscal monetary commercial educational ecological electoral municipal provincial
bilateral multilateral annual regular formal informal urgent steady gradual broad
""".split()

EN_NOUNS = """
agreement alliance approach assembly authority bank board border bridge budget
campaign capacity centre charter channel circle climate coalition commission
committee community company conference congress corridor council court credit
culture customs debate delegation development dialogue district economy
education energy enterprise exchange exhibition federation festival finance
forum framework friendship fund governance growth harbour health heritage
highway housing industry infrastructure initiative institute investment justice
labour landscape law market mechanism ministry mission network office order
organisation parliament partnership pathway platform policy port programme
project province railway reform region relations research reserve resource
review road route school science security service settlement society standard
strategy summit system talent technology territory trade training transport
treaty tribunal union university valley village vision water welfare workshop
youth zone
""".split()

EN_VERBS = """
announced approved backed built chaired completed confirmed convened created
debated delayed discussed drafted endorsed expanded explained financed funded
hosted improved launched led linked managed monitored opened outlined planned
praised proposed published raised reviewed revised signed studied supported
updated visited welcomed widened
""".split()

EN_PEOPLE = """
officials delegates ministers researchers reporters engineers farmers teachers
students residents observers analysts diplomats lawyers planners economists
mayors volunteers scholars representatives
""".split()

EN_PLACES = """
Astana Tashkent Bishkek Dushanbe Ashgabat Almaty Samarkand Urumqi Xi’an Lanzhou
Chengdu Kunming Shanghai Beijing Moscow Novosibirsk Kazan Geneva Nairobi Lima
São Paulo Zürich Montréal Kraków
""".split()

EN_TIMES = """
on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|last week|this month|in
the spring|in the autumn|earlier this year|at the end of the year|in 2019|in
2021|in 2023|over the past decade|since 2015
""".replace("\n", " ").split("|")

EN_ADVERBS = """
quickly slowly carefully openly jointly formally widely largely mainly partly
firmly closely steadily
""".split()

EN_TEMPLATES = (
    "{People} in {place} {verb} the {adj} {noun} {time}.",
    "The {adj} {noun} was {verb} by {people} from {place} {time}.",
    "According to {people}, the {noun} {verb} {time} will {adv} change the {adj} {noun2}.",
    "“We have {verb} a {adj} {noun},” one of the {people} told reporters in {place}.",
    "The {noun} — which {people} {verb} {time} — covers {number} {noun2}s across the region.",
    "{People} {adv} {verb} plans for a {adj} {noun} and a {adj2} {noun2} in {place}.",
    "In {place}, the {noun}’s {adj} {noun2} {verb} {number} new projects {time}.",
    "Critics said the {adj} {noun} had been {verb} without enough {noun2}.",
    "The {noun} of {place} {verb} its {adj} {noun2} report, a {number}-page document, {time}.",
    "Its long-term {noun} was {adv} {verb} by the {adj} {noun2} {time}.",
    "A spokesperson for the {noun} said the talks were “{adj} and {adj2}”.",
    "{People} {verb} {number} proposals on the {adj} {noun}; most concern {noun2}s.",
    "The {adj} {noun} and the {adj2} {noun2} are {adv} linked, {people} said.",
    "More than {number} {people} attended the {noun} in {place} {time}…",
    "The café near the {noun} hosted {people} from {place} after the {adj} {noun2}.",
)

EN_TERM_TEMPLATES = (
    "{People} {verb} the {term} {time}.",
    "The {term} was {verb} by {people} from {place}.",
    "“The {term} matters,” said one of the {people} in {place}.",
    "Under the {term}, {number} {noun}s were {verb} {time}.",
    "{Term} projects were {adv} {verb} in {place}.",
)


# ------------------------------------------------------------------ Russian

RU_ADJECTIVES = """
региональный национальный глобальный экономический социальный культурный
сельский городской цифровой зелёный открытый общий взаимный прочный стабильный
устойчивый прибрежный северный южный восточный западный центральный морской
промышленный финансовый правовой публичный совместный местный внешний
стратегический практический современный научный технический медицинский
экологический судебный гражданский дипломатический мирный денежный торговый
образовательный муниципальный двусторонний многосторонний ежегодный
""".split()

RU_NOUNS = """
соглашение союз подход собрание орган банк совет мост бюджет кампания центр
устав канал климат коалиция комиссия комитет сообщество компания конференция
конгресс коридор суд кредит делегация диалог округ экономика образование
энергетика предприятие обмен выставка федерация фестиваль форум механизм
рынок министерство миссия сеть офис порядок организация парламент партнёрство
платформа политика порт программа проект провинция реформа регион
исследование резерв ресурс обзор маршрут школа наука безопасность служба
общество стандарт стратегия саммит система технология торговля транспорт
договор трибунал университет долина деревня видение благосостояние молодёжь зона
""".split()

RU_VERBS = """
объявили одобрили поддержали построили завершили подтвердили созвали создали
обсудили отложили разработали расширили объяснили профинансировали провели
улучшили запустили открыли представили опубликовали пересмотрели подписали
изучили обновили посетили приветствовали
""".split()

RU_PEOPLE = """
чиновники делегаты министры исследователи журналисты инженеры фермеры учителя
студенты жители наблюдатели аналитики дипломаты юристы экономисты волонтёры
""".split()

RU_PLACES = """
Астане Ташкенте Бишкеке Душанбе Ашхабаде Алматы Самарканде Урумчи Сиане Ланьчжоу
Чэнду Куньмине Шанхае Пекине Москве Новосибирске Казани Женеве
""".split()

RU_TIMES = """
в понедельник|во вторник|в среду|в четверг|на прошлой неделе|в этом месяце|весной|
осенью|в начале года|в конце года|в 2019 году|в 2021 году|за последнее десятилетие
""".replace("\n", "").split("|")

RU_TEMPLATES = (
    "{People} в {place} {verb} {adj} {noun} {time}.",
    "{Adj} {noun} {time} обсудили {people} из {place2}.",
    "По словам представителей, {noun} {time} {adv} изменит {adj} {noun2}.",
    "«Мы {verb} {adj} {noun}», — сказал один из участников в {place}.",
    "{Noun} — который {people} {verb} {time} — охватывает {number} объектов.",
    "{People} {verb} план создания {adj} {noun} в {place}.",
    "Критики заявили, что {adj} {noun} был принят без обсуждения.",
    "Более {number} участников приехали на {noun} в {place} {time}…",
)

RU_TERM_TEMPLATES = (
    "{People} {verb} {term} {time}.",
    "«{Term} важна», — сказал один из участников в {place}.",
    "В рамках {term} {time} {verb} {number} проектов.",
)

RU_ADVERBS = "быстро медленно открыто совместно официально широко постепенно".split()

# ------------------------------------------------------------------ Chinese

ZH_WORDS = """
合作 发展 经济 社会 文化 交流 建设 国际 地区 国家 人民 政府 会议 论坛 机制 伙伴
关系 贸易 投资 金融 基础 设施 铁路 港口 能源 科技 创新 教育 卫生 农业 工业 城市
乡村 生态 环境 安全 和平 友好 互利 共赢 开放 包容 共同 未来 繁荣 稳定 改革 市场
企业 项目 规划 战略 政策 法律 治理 体系 平台 网络 数字 绿色 海洋 丝路 走廊 中心
青年 人才 旅游 媒体 智库 民间 边境 口岸 物流 产业 园区 标准 规则 对话 协商 共识
""".split()

ZH_PEOPLE = "官员 代表 专家 学者 记者 企业家 学生 居民 外交官 工程师".split()
ZH_PLACES = "阿斯塔纳 塔什干 比什凯克 杜尚别 阿什哈巴德 阿拉木图 撒马尔罕 乌鲁木齐 西安 兰州 成都 昆明 上海 北京".split()
ZH_VERBS = "推动 加强 深化 促进 支持 参与 讨论 签署 启动 完善 扩大 落实".split()
ZH_TIMES = "周一 上周 本月 今年春天 今年秋天 年初 年底 2019年 2021年 近十年来".split()

ZH_TEMPLATES = (
    "{people}{time}在{place}{verb}{w1}{w2}。",
    "{place}的{people}表示，{w1}{w2}将{verb}{w3}{w4}。",
    "“我们愿意{verb}{w1}{w2}，”一位{people}在{place}说。",
    "{time}，双方就{w1}{w2}和{w3}{w4}进行了深入交流。",
    "据{people}介绍，{w1}{w2}已覆盖{number}个{w3}。",
    "{w1}{w2}——这一{w3}{w4}——受到{people}的广泛关注……",
)

ZH_TERM_TEMPLATES = (
    "{people}{time}在{place}{verb}{term}。",
    "“{term}非常重要，”一位{people}说。",
    "在{term}框架下，{number}个项目{time}落地。",
)


# ------------------------------------------------------------ term base phrases

@dataclass(frozen=True, slots=True)
class Rendering:
    text: str
    status: str
    fix_to: str | None = None
    abbreviation_of: str | None = None


@dataclass(frozen=True, slots=True)
class SynthConcept:
    id: str
    renderings: tuple[Rendering, ...]

    @property
    def accepted(self) -> tuple[Rendering, ...]:
        return tuple(r for r in self.renderings if r.status in ("preferred", "admitted"))

    @property
    def variants(self) -> tuple[Rendering, ...]:
        return tuple(r for r in self.renderings if r.status in ("deprecated", "superseded"))


def _triples(rng: random.Random, a: list[str], b: list[str], c: list[str]) -> Iterator[tuple[str, str, str]]:
    """Distinct (a, b, c) word triples in a seeded random order, b != c."""
    seen: set[tuple[str, str, str]] = set()
    limit = len(a) * len(b) * len(c)
    while len(seen) < limit:
        t = (rng.choice(a), rng.choice(b), rng.choice(c))
        if t[1] == t[2] or t in seen:
            continue
        seen.add(t)
        yield t


def concepts(lang: str, phrases: int) -> list[SynthConcept]:
    """Concepts whose `lang` renderings number exactly `phrases`.

    Each concept has a preferred three-word phrase and a deprecated four-word
    form of it ("X Y of Z"); some have a superseded older name, an admitted
    short form, or an abbreviation. Variants contain a word no accepted
    phrase has, so no variant hides inside a fix target (which validation
    would reject as a loop) and no folded text is both accepted and a variant.
    """
    rng = random.Random(f"{SEED}-{lang}-terms")
    if lang == "en":
        triples = _triples(rng, EN_ADJECTIVES, EN_NOUNS, EN_NOUNS)
        known = {w.casefold() for w in EN_ADJECTIVES + EN_NOUNS + EN_VERBS + EN_PEOPLE + EN_ADVERBS}
        known |= {"the", "and", "for", "of", "in", "on", "a", "its", "was", "are", "new", "said", "has"}
    elif lang == "ru":
        triples = _triples(rng, RU_ADJECTIVES, RU_NOUNS, RU_NOUNS)
        known = set(RU_ADJECTIVES + RU_NOUNS + RU_VERBS + RU_PEOPLE + RU_ADVERBS)
    else:
        triples = _triples(rng, ZH_WORDS, ZH_WORDS, ZH_WORDS)
        known = set()
    out: list[SynthConcept] = []
    abbreviations: set[str] = set()
    count = 0
    for i, (a, b, c) in enumerate(triples):
        if count >= phrases:
            break
        if lang == "en":
            preferred, deprecated = f"{a} {b} {c}", f"{a} {b} of {c}"
            older, short = f"{c} {b} for {a}", f"{a} {b}"
        elif lang == "ru":
            preferred, deprecated = f"{a} {b} {c}", f"{a} {b} для {c}"
            older, short = f"{c} {b} при {a}", f"{a} {b}"
        else:
            preferred, deprecated = f"{a}{b}{c}", f"{a}之{b}{c}"
            older, short = f"{c}与{b}{a}", f"{a}{b}"
        items = [Rendering(preferred, "preferred"), Rendering(deprecated, "deprecated")]
        if i % 7 == 3:
            items.append(Rendering(older, "superseded", fix_to=preferred))
        if i % 11 == 5:
            items.append(Rendering(short, "admitted", abbreviation_of=preferred))
        if lang != "zh" and i % 13 == 8:
            letters = "".join(w[0] for w in preferred.split()).upper()
            if lang == "ru":
                letters = letters.replace("Ё", "Е")
            for extra in ("", "I", "A", "O", "S") if lang == "en" else ("", "И", "А", "О", "С"):
                abbr = letters + extra
                if abbr not in abbreviations and abbr.casefold() not in known:
                    abbreviations.add(abbr)
                    items.append(Rendering(abbr, "admitted", abbreviation_of=preferred))
                    break
        items = items[: phrases - count]
        count += len(items)
        out.append(SynthConcept(f"{lang}-concept-{i}", tuple(items)))
    return out


def termbase_yaml(lang: str, items: list[SynthConcept]) -> str:
    """A term base in the format of docs/termbase.md (flow style, quoted strings)."""
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731 - a JSON string is a YAML string
    lines = ["version: 1", "concepts:"]
    for c in items:
        lines.append(f"  - id: {c.id}")
        lines.append(f"    note: Synthetic concept for the benchmark ({c.renderings[0].text}).")
        lines.append("    sources:")
        lines.append(f"      - {{publisher: Benchmark Press, title: {q('Glossary ' + c.id)}, date: 2024-05-01, langs: [{lang}]}}")
        lines.append("    terms:")
        lines.append(f"      {lang}:")
        for r in c.renderings:
            extra = ""
            if r.fix_to:
                extra += f", fix_to: {q(r.fix_to)}"
            if r.abbreviation_of:
                extra += f", abbreviation_of: {q(r.abbreviation_of)}"
            if r.status == "superseded":
                extra += ", since: 2016-01, note: Replaced in 2016."
            lines.append(f"        - {{text: {q(r.text)}, status: {r.status}{extra}}}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ corpus

def _number(rng: random.Random) -> str:
    n = rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 99999)))
    return f"{n:,}" if n >= 1000 and rng.random() < 0.5 else str(n)


def _fill(rng: random.Random, lang: str, template: str, term: str | None = None) -> str:
    if lang == "en":
        people = rng.choice(EN_PEOPLE)
        values = {
            "people": people, "People": people.capitalize(), "place": rng.choice(EN_PLACES),
            "verb": rng.choice(EN_VERBS), "adj": rng.choice(EN_ADJECTIVES), "adj2": rng.choice(EN_ADJECTIVES),
            "noun": rng.choice(EN_NOUNS), "noun2": rng.choice(EN_NOUNS), "time": rng.choice(EN_TIMES),
            "adv": rng.choice(EN_ADVERBS), "number": _number(rng),
        }
    elif lang == "ru":
        people = rng.choice(RU_PEOPLE)
        adj, noun = rng.choice(RU_ADJECTIVES), rng.choice(RU_NOUNS)
        values = {
            "people": people, "People": people.capitalize(), "place": rng.choice(RU_PLACES),
            "place2": rng.choice(RU_PLACES), "verb": rng.choice(RU_VERBS), "adj": adj, "Adj": adj.capitalize(),
            "noun": noun, "Noun": noun.capitalize(), "noun2": rng.choice(RU_NOUNS),
            "time": rng.choice(RU_TIMES), "adv": rng.choice(RU_ADVERBS), "number": _number(rng),
        }
    else:
        values = {
            "people": rng.choice(ZH_PEOPLE), "place": rng.choice(ZH_PLACES), "verb": rng.choice(ZH_VERBS),
            "time": rng.choice(ZH_TIMES), "number": str(rng.randint(2, 999)),
            "w1": rng.choice(ZH_WORDS), "w2": rng.choice(ZH_WORDS), "w3": rng.choice(ZH_WORDS), "w4": rng.choice(ZH_WORDS),
        }
    if term is not None:
        values["term"] = term
        values["Term"] = term[:1].upper() + term[1:]
    return template.format(**values)


def _vary(rng: random.Random, lang: str, text: str) -> str:
    """Spell a rendering the way drafts do: title case, capitals, line-broken, hyphenated."""
    r = rng.random()
    if lang == "zh":
        return text
    if r < 0.35:
        return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    if r < 0.40:
        return text.upper()
    if r < 0.45:
        return text.replace(" ", "-", 1)
    if r < 0.50:
        return text.replace(" ", "\u00a0", 1)
    return text


def corpus(lang: str, size_bytes: int, termbase: list[SynthConcept], every: int = 2000) -> str:
    """About `size_bytes` of UTF-8 prose, one rendering about every `every` characters.

    Renderings come from `termbase` (the 100-phrase base, so every larger
    nested base sees them too): two thirds accepted, one third variants.
    """
    rng = random.Random(f"{SEED}-{lang}-corpus")
    templates = {"en": EN_TEMPLATES, "ru": RU_TEMPLATES, "zh": ZH_TEMPLATES}[lang]
    term_templates = {"en": EN_TERM_TEMPLATES, "ru": RU_TERM_TEMPLATES, "zh": ZH_TERM_TEMPLATES}[lang]
    pool = [_fill(rng, lang, rng.choice(templates)) for _ in range(20000)]
    accepted = [r.text for c in termbase for r in c.accepted]
    variants = [r.text for c in termbase for r in c.variants]
    joiner = "" if lang == "zh" else " "
    paragraphs: list[str] = []
    size = 0
    since_term = 0
    next_gap = rng.randint(every // 2, every * 3 // 2)
    while size < size_bytes:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            if since_term >= next_gap:
                term = rng.choice(variants if rng.random() < 1 / 3 else accepted)
                sentence = _fill(rng, lang, rng.choice(term_templates), _vary(rng, lang, term))
                since_term = 0
                next_gap = rng.randint(every // 2, every * 3 // 2)
            else:
                sentence = pool[rng.randrange(len(pool))]
            sentences.append(sentence)
            since_term += len(sentence) + 1
        paragraph = joiner.join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def documents(text: str, size_bytes: int = 20_000) -> list[str]:
    """Split at paragraph breaks into documents of about `size_bytes` each."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        if size >= size_bytes:
            out.append("\n\n".join(current) + "\n")
            current, size = [], 0
    if current:
        out.append("\n\n".join(current) + "\n")
    return out
