"""Generate a synthetic, national-size corpus in the spec format, for the benchmarks.

One spec file and one source text per zone-year, plus the three registries. Every record's
quote is embedded verbatim in its source text and states the record's figures the way the seed
reports write them, so the corpus loads with the provenance checks on. Wordings, units, scripts,
preliminary figures, milestones, multi-year, two-tier and compound goals imitate the seeds.

Each zone draws from its own ``random.Random(f"{seed}:{zone}")``: the output is reproducible
byte for byte, zones can be written in parallel, and the 3x corpus extends the 1x one.

Usage: ``python benchmarks/generate.py OUT_DIR [--zones 178] [--years 10] [--scale 1] [--seed 0]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import cast

import attrs

#: The last year a zone-year document is published for; ``--years`` counts back from it.
LAST_YEAR = 2026

#: Cities that host the synthetic zones: (simplified name, pinyin id, English name).
# fmt: off
_CITIES: tuple[tuple[str, str, str], ...] = tuple(
    (zh, py, py.replace("-", " ").title())
    for zh, py in (
        ("北京", "beijing"), ("上海", "shanghai"), ("天津", "tianjin"), ("重庆", "chongqing"),
        ("广州", "guangzhou"), ("深圳", "shenzhen"), ("厦门", "xiamen"), ("福州", "fuzhou"),
        ("泉州", "quanzhou"), ("莆田", "putian"), ("漳州", "zhangzhou"), ("龙岩", "longyan"),
        ("三明", "sanming"), ("杭州", "hangzhou"), ("宁波", "ningbo"), ("温州", "wenzhou"),
        ("嘉兴", "jiaxing"), ("绍兴", "shaoxing"), ("衢州", "quzhou"), ("湖州", "huzhou"),
        ("南京", "nanjing"), ("苏州", "suzhou"), ("无锡", "wuxi"), ("常州", "changzhou"),
        ("南通", "nantong"), ("连云港", "lianyungang"), ("徐州", "xuzhou"), ("扬州", "yangzhou"),
        ("泰州", "taizhou"), ("镇江", "zhenjiang"), ("盐城", "yancheng"), ("淮安", "huaian"),
        ("宿迁", "suqian"), ("合肥", "hefei"), ("芜湖", "wuhu"), ("蚌埠", "bengbu"),
        ("马鞍山", "maanshan"), ("济南", "jinan"), ("青岛", "qingdao"), ("烟台", "yantai"),
        ("潍坊", "weifang"), ("威海", "weihai"), ("淄博", "zibo"), ("济宁", "jining"),
        ("临沂", "linyi"), ("泰安", "taian"), ("德州", "dezhou"), ("郑州", "zhengzhou"),
        ("洛阳", "luoyang"), ("新乡", "xinxiang"), ("安阳", "anyang"), ("南阳", "nanyang"),
        ("武汉", "wuhan"), ("宜昌", "yichang"), ("襄阳", "xiangyang"), ("孝感", "xiaogan"),
        ("长沙", "changsha"), ("株洲", "zhuzhou"), ("湘潭", "xiangtan"), ("衡阳", "hengyang"),
        ("南昌", "nanchang"), ("景德镇", "jingdezhen"), ("赣州", "ganzhou"), ("新余", "xinyu"),
        ("成都", "chengdu"), ("绵阳", "mianyang"), ("自贡", "zigong"), ("乐山", "leshan"),
        ("西安", "xian"), ("宝鸡", "baoji"), ("杨凌", "yangling"), ("渭南", "weinan"),
        ("兰州", "lanzhou"), ("白银", "baiyin"), ("银川", "yinchuan"), ("石嘴山", "shizuishan"),
        ("西宁", "xining"), ("乌鲁木齐", "urumqi"), ("昌吉", "changji"), ("石河子", "shihezi"),
        ("呼和浩特", "hohhot"), ("包头", "baotou"), ("太原", "taiyuan"), ("长治", "changzhi"),
        ("石家庄", "shijiazhuang"), ("保定", "baoding"), ("唐山", "tangshan"), ("承德", "chengde"),
        ("沈阳", "shenyang"), ("大连", "dalian"), ("鞍山", "anshan"), ("营口", "yingkou"),
        ("本溪", "benxi"), ("长春", "changchun"), ("吉林", "jilin"), ("延吉", "yanji"),
        ("哈尔滨", "harbin"), ("大庆", "daqing"), ("齐齐哈尔", "qiqihar"), ("南宁", "nanning"),
        ("柳州", "liuzhou"), ("桂林", "guilin"), ("北海", "beihai"), ("海口", "haikou"),
        ("贵阳", "guiyang"), ("安顺", "anshun"), ("昆明", "kunming"), ("玉溪", "yuxi"),
        ("楚雄", "chuxiong"), ("拉萨", "lhasa"), ("珠海", "zhuhai"), ("佛山", "foshan"),
        ("惠州", "huizhou"), ("中山", "zhongshan"), ("东莞", "dongguan"), ("江门", "jiangmen"),
        ("肇庆", "zhaoqing"), ("汕头", "shantou"), ("河源", "heyuan"), ("莱芜", "laiwu"),
    )
)

#: Zone name variants once every city has a zone: (simplified, id part, English).
_VARIANTS: tuple[tuple[str, str, str], ...] = (
    ("", "", ""), ("滨海", "binhai", "Binhai "), ("临空", "linkong", "Airport "),
    ("东部", "east", "East "), ("西部", "west", "West "), ("南部", "south", "South "),
    ("北部", "north", "North "), ("科学城", "sci", "Science City "), ("新城", "new", "New Town "),
    ("湾区", "bay", "Bay "), ("港区", "port", "Port "), ("数字", "digital", "Digital "),
    ("未来", "future", "Future "), ("光谷", "optics", "Optics Valley "),
    ("药谷", "pharma", "Pharma Valley "), ("芯谷", "chip", "Chip Valley "),
)
# fmt: on

_UNIT_WORD = {"yi": "亿元", "wan": "万元", "usd": "亿美元"}


@attrs.frozen
class MetricDef:
    """A metric of the synthetic registry and how the reports word it.

    ``kind`` is ``money`` (unit ``yi`` 亿元, ``wan`` 万元 or ``usd`` 亿美元), ``count`` (with its
    classifier 家/个/项/名), ``area`` (亩 or 万平方米), ``share`` (%) or ``times`` (倍).
    ``low``/``high`` bound the level of a zone of average size.
    """

    id: str
    name: str
    en: str
    kind: str
    unit: str
    low: float
    high: float
    total: bool = False  # counts also report a running total (总数达…)
    city_share: bool = False  # money levels sometimes say 约占全市…%


def _m(
    id_: str, name: str, en: str, kind: str, unit: str, low: float, high: float, **kw: bool
) -> MetricDef:
    return MetricDef(id_, name, en, kind, unit, low, high, **kw)


# fmt: off
METRICS: tuple[MetricDef, ...] = (
    _m("industrial-output", "规上工业总产值", "Gross industrial output above designated size",
       "money", "yi", 200, 3500, city_share=True),
    _m("industrial-value-added", "规上工业增加值", "Industrial value added above designated size",
       "money", "yi", 50, 900),
    _m("fixed-asset-investment", "固定资产投资", "Fixed-asset investment",
       "money", "yi", 50, 500, city_share=True),
    _m("industrial-investment", "产业投资", "Industrial investment", "money", "yi", 30, 350),
    _m("software-revenue", "软件和信息服务业营收", "Software and IT services revenue",
       "money", "yi", 20, 700, city_share=True),
    _m("internet-software-revenue", "规上互联网软件业营收", "Internet software revenue",
       "money", "yi", 10, 680),
    _m("public-budget-revenue", "一般公共预算总收入", "General public budget revenue",
       "money", "yi", 10, 160),
    _m("district-budget-revenue", "区级一般公共预算收入", "District general budget revenue",
       "money", "yi", 3, 40),
    _m("industrial-tax", "工业行业税收", "Industrial tax revenue", "money", "yi", 5, 110),
    _m("high-tech-output", "高技术产业产值", "High-tech industry output",
       "money", "yi", 100, 2800, city_share=True),
    _m("digital-economy-output", "数字经济产业产值", "Digital economy output",
       "money", "yi", 80, 2500),
    _m("tech-contract-value", "技术合同成交额", "Technology contract turnover",
       "money", "yi", 5, 200),
    _m("rd-spending", "研发经费投入", "R&D expenditure", "money", "yi", 5, 150, city_share=True),
    _m("signed-investment", "签约项目总投资", "Investment of signed projects",
       "money", "yi", 100, 1800),
    _m("export-value", "出口总额", "Exports", "money", "yi", 50, 900, city_share=True),
    _m("services-revenue", "规上服务业营收", "Services revenue above designated size",
       "money", "yi", 30, 600),
    _m("new-energy-output", "新能源产业产值", "New-energy industry output", "money", "yi", 20, 900),
    _m("display-output", "平板显示产业产值", "Flat-panel display output", "money", "yi", 50, 1600),
    _m("semiconductor-output", "集成电路产业产值", "Integrated-circuit output",
       "money", "yi", 20, 600),
    _m("biomedicine-output", "生物医药产业产值", "Biomedicine output", "money", "yi", 10, 400),
    _m("fund-size", "政府投资基金总规模", "Government investment funds", "money", "yi", 50, 450),
    _m("financing-volume", "金融服务平台放款金额", "Loans via the finance platform",
       "money", "yi", 10, 180),
    _m("innovation-vouchers", "创新券服务金额", "Innovation vouchers", "money", "wan", 500, 3000),
    _m("talent-subsidies", "人才政策资金", "Talent subsidies", "money", "wan", 2000, 20000),
    _m("fdi", "实际利用外资", "Actually utilised foreign capital", "money", "usd", 0.5, 40),
    _m("contracted-fdi", "合同外资", "Contracted foreign capital", "money", "usd", 0.5, 30),
    _m("high-tech-firms", "国家级高新技术企业", "National high-tech enterprises",
       "count", "家", 30, 600, total=True),
    _m("little-giants", "国家级专精特新“小巨人”企业", "National 'little giant' firms",
       "count", "家", 3, 20, total=True),
    _m("gazelle-firms", "瞪羚企业", "Gazelle firms", "count", "家", 10, 60, total=True),
    _m("listed-firms", "上市企业", "Listed firms", "count", "家", 1, 6, total=True),
    _m("incubators", "孵化器和众创空间", "Incubators and maker spaces",
       "count", "家", 3, 15, total=True),
    _m("rd-institutions", "省级以上研发机构", "Provincial or higher R&D institutions",
       "count", "家", 5, 40, total=True),
    _m("registered-firms", "注册企业", "Registered firms", "count", "家", 500, 5000, total=True),
    _m("green-factories", "国家级绿色工厂", "National green factories",
       "count", "家", 1, 10, total=True),
    _m("new-projects", "落地项目", "Projects landed", "count", "个", 50, 400),
    _m("started-projects", "开工项目", "Projects started", "count", "个", 10, 100),
    _m("completed-projects", "竣工项目", "Projects completed", "count", "个", 10, 60),
    _m("provincial-key-projects", "省重点项目", "Provincial key projects", "count", "个", 5, 30),
    _m("municipal-key-projects", "市重点项目", "Municipal key projects", "count", "个", 10, 50),
    _m("rd-platforms", "研发创新平台", "R&D platforms", "count", "个", 10, 80, total=True),
    _m("science-awards", "各级科技奖", "Science awards", "count", "项", 10, 80),
    _m("patent-awards", "各级专利奖", "Patent awards", "count", "项", 3, 30),
    _m("smart-retrofits", "智能化改造项目", "Smart-manufacturing retrofits",
       "count", "项", 50, 300),
    _m("standards", "主导制定标准", "Standards led", "count", "项", 5, 40, total=True),
    _m("high-level-talents", "高层次人才", "High-level talents",
       "count", "名", 100, 800, total=True),
    _m("research-assistants", "科研助理岗位吸纳人数", "Research assistants hired",
       "count", "名", 200, 1000),
    _m("land-supplied", "出让产业用地", "Industrial land supplied", "area", "亩", 300, 3000),
    _m("land-revitalised", "盘活存量土地", "Idle land revitalised", "area", "亩", 100, 800),
    _m("talent-housing", "人才公寓", "Talent housing", "area", "万平方米", 3, 20),
    _m("industrial-space", "产业空间", "Industrial floor space", "area", "万平方米", 10, 120),
    _m("high-tech-share", "高技术产业产值占比", "High-tech share of output", "share", "%", 50, 88),
    _m("digital-share", "数字经济产值占比", "Digital-economy share of output",
       "share", "%", 40, 92),
    _m("rd-intensity", "研发投入强度", "R&D intensity", "share", "%", 2, 9),
    _m("fund-leverage", "基金撬动社会资本", "Private capital leveraged by funds",
       "times", "倍", 3, 20),
    _m("energy-intensity", "单位工业增加值能耗", "Energy use per unit of industrial value added",
       "share", "%", 0, 0),
)
# fmt: on

#: Qualitative projects of milestone goals; the zone's city is put in front.
_PROJECTS = (
    "人工智能产业园",
    "科技成果转化中心",
    "国家知识产权示范园区",
    "第三代半导体中试平台",
    "生物医药专业孵化器",
    "零碳园区",
    "数字经济产业园",
    "国际人才科创园",
    "产业园区REITs项目",
    "智能网联汽车测试场",
    "科创金融服务中心",
    "新型显示技术研究院",
    "绿电绿证服务站",
    "中小企业数字化转型试点",
    "国家级人力资源服务产业园",
    "未来产业先导区",
    "高校区域技术转移中心",
)

_FILLER = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神",
    "紧扣创新驱动发展示范区和高质量发展先行区的功能定位，勇担使命，攻坚克难",
    "深化“放管服”改革，持续优化营商环境，企业获得感不断增强",
    "围绕重点产业链部署创新链，推动创新平台落地见效",
    "加强企业服务保障，千方百计稳增长，促进主导产业供应链安全、价值链提升",
    "持续开展链式招商、以商引商，壮大新兴产业，布局未来产业",
    "强化要素保障，加快重大重点项目建设，完善园区配套",
    "持续深化“益企服务”，着力推动“智改数转”，精准做好科技金融服务",
    "落实全面从严治党主体责任，持之以恒纠治“四风”",
    "加强网络意识形态阵地建设，牢牢掌握意识形态工作主动权",
    "统筹发展和安全，纵深推进安全生产治本攻坚",
    "推进产城人深度融合，不断提升园区承载能力",
    "强化人才引育，完善高层次人才政策，优化人才发展生态",
    "推动大数据、人工智能、物联网等技术赋能制造业转型升级",
    "加强与市直部门、行政区联动，形成工作合力",
    "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念",
    "推动科技创新和产业创新深度融合，因地制宜发展新质生产力",
    "健全重大项目“对接-洽谈-落地”全链条闭环管理机制",
    "发挥产业引导基金作用，当好产业培育的“耐心资本”",
    "推动孵化载体提质升级，集聚和培育一批明星创业项目",
)

_HEADINGS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def _fmt(value: float, places: int) -> str:
    """A figure as reports print it: fixed places, trailing zeros dropped (10.60 → 10.6)."""
    text = str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@attrs.frozen
class Zone:
    """A synthetic zone: ids, names, script and size factor."""

    index: int
    id: str
    name: str
    en: str
    short: str
    traditional: bool
    size: float


def zones(count: int, seed: int) -> list[Zone]:
    """The first ``count`` zones; zone ``i`` is the same whatever ``count`` is."""
    result = []
    for i in range(count):
        city, city_id, city_en = _CITIES[i % len(_CITIES)]
        variant, variant_id, variant_en = _VARIANTS[(i // len(_CITIES)) % len(_VARIANTS)]
        generation = i // (len(_CITIES) * len(_VARIANTS))
        suffix = f"{generation + 1}期" if generation else ""
        rng = random.Random(f"{seed}:zone:{i}")
        ident = f"z{i:04d}-{city_id}" + (f"-{variant_id}" if variant_id else "")
        result.append(
            Zone(
                index=i,
                id=ident,
                name=f"{city}{variant}高新区{suffix}",
                en=f"{city_en} {variant_en}High-tech Zone"
                + (f" {generation + 1}" if suffix else ""),
                short=city,
                traditional=i % 8 == 2,  # one zone in eight writes traditional script, as 002
                size=rng.lognormvariate(0, 0.6),
            )
        )
    return result


@attrs.define
class _Doc:
    """One zone-year document under construction: text pieces and YAML records."""

    zone: Zone
    year: int
    source_id: str
    pieces: list[tuple[str, bool]] = attrs.Factory(list)  # (text, is_quote)
    goals: list[dict[str, object]] = attrs.Factory(list)
    outcomes: list[dict[str, object]] = attrs.Factory(list)

    def sentence(self, *parts: str, quote_at: Sequence[int] = ()) -> None:
        for i, part in enumerate(parts):
            self.pieces.append((part, i in quote_at))

    def prose(self, text: str) -> None:
        self.pieces.append((text, False))


class _Series:
    """A zone's figures for one metric over the years: level and growth, drawn once per year."""

    def __init__(self, metric: MetricDef, zone: Zone, rng: random.Random) -> None:
        self.metric = metric
        self.rng = rng
        self.level = rng.uniform(metric.low, metric.high) * zone.size
        self.trend = rng.uniform(3, 16)
        self.growth = 0.0
        self.total = self.level * rng.uniform(3, 8)

    def advance(self) -> None:
        rng = self.rng
        if self.metric.kind == "share":
            self.growth = rng.uniform(-1.5, 3.0)
            self.level = max(1.0, min(98.0, self.level + self.growth))
            return
        g = rng.gauss(self.trend, 6)
        if rng.random() < 0.08:
            g = -abs(g) / 2
        self.growth = g
        self.level *= 1 + g / 100
        self.total += self.level


def _money(metric: MetricDef, value: float, rng: random.Random) -> str:
    places = 2 if value < 1000 and rng.random() < 0.5 else 1
    if metric.unit == "wan":
        places = 0
    return _fmt(value, places) + _UNIT_WORD[metric.unit]


def _count(value: float) -> str:
    return str(max(1, round(value)))


class _Writer:
    """Builds the goals, outcomes and text of one zone-year document."""

    def __init__(
        self, doc: _Doc, rng: random.Random, series: dict[str, _Series], milestones: dict[str, str]
    ) -> None:
        self.doc = doc
        self.rng = rng
        self.series = series
        self.milestones = milestones  # goal id → project, of the previous document

    # --- records ---
    def _outcome(
        self, metric: str | None, measure: str, slug: str, quote: str, **extra: object
    ) -> None:
        doc = self.doc
        record: dict[str, object] = {"id": f"{doc.source_id}.{doc.year - 1}.{slug}"}
        if metric is not None:
            record["metric"] = metric
        record["measure"] = measure
        record["period"] = extra.pop("period", str(doc.year - 1))
        record.update(extra)
        record["quote"] = quote
        doc.outcomes.append(record)

    def _goal(
        self, slug: str, section: str, metric: str | None, measure: str, quote: str, **extra: object
    ) -> None:
        doc = self.doc
        record: dict[str, object] = {"id": f"{doc.source_id}.{slug}", "section": section}
        if metric is not None:
            record["metric"] = metric
        record["measure"] = measure
        record["period"] = extra.pop("period", str(doc.year))
        record.update(extra)
        record["quote"] = quote
        doc.goals.append(record)

    # --- results of the previous year ---
    def results(self, metric: MetricDef) -> None:
        s = self.series[metric.id]
        rng = self.rng
        m = metric
        g = s.growth
        growth_word = "增长" if g >= 0 else "下降"
        growth_fig = _fmt(abs(g), 1) + "%"
        growth_value = growth_fig if g >= 0 else f"下降{growth_fig}"
        if m.id == "energy-intensity":
            d = _fmt(rng.uniform(0.5, 5), 1) + "%"
            quote = f"{m.name}下降{d}"
            self._outcome(m.id, "growth", f"{m.id}.growth", quote, value=f"下降{d}")
            self.doc.sentence("全年", quote, "。", quote_at=(1,))
            return
        if m.kind == "money":
            level = _money(m, s.level, rng)
            roll = rng.random()
            if roll < 0.06:  # a preliminary growth figure, as in 002
                fig = _fmt(abs(g), 0) + "%左右"
                value = fig if g >= 0 else f"下降{fig}"
                quote = f"全年预计{m.name}{growth_word}{fig}"
                self._outcome(
                    m.id, "growth", f"{m.id}.growth", quote, value=value, preliminary=True
                )
                self.doc.sentence(quote, "；", quote_at=(0,))
                return
            if roll < 0.12:
                level = "约" + level
            elif roll < 0.16 and m.unit != "usd":
                level = "近" + level
            verb = rng.choice(("完成", "实现", ""))
            share, pct = "", ""
            if m.city_share and rng.random() < 0.6:
                pct = _fmt(rng.uniform(8, 60), 0) + "%"
                share = f"，约占全市{pct}"
            sep = rng.choice(("，", ","))
            quote = f"{verb}{m.name}{level}{share}{sep}同比{growth_word}{growth_fig}"
            self._outcome(m.id, "level", f"{m.id}.level", quote, value=level)
            self._outcome(m.id, "growth", f"{m.id}.growth", quote, value=growth_value)
            if share:
                self._outcome(
                    f"{m.id}-city-share", "share", f"{m.id}.city-share", quote, value=f"约{pct}"
                )
            self.doc.sentence(quote, "。", quote_at=(0,))
        elif m.kind == "count":
            n = _count(s.level)
            word = rng.random()
            if word < 0.1:
                fig = f"超{n}{m.unit}"
            elif word < 0.18:
                fig = f"近{n}{m.unit}"
            else:
                fig = f"{n}{m.unit}"
            quote = f"新增{m.name}{fig}"
            total = f"{_count(s.total)}{m.unit}"
            if m.total:
                quote += f"，总数达{total}"
            if m.total or rng.random() < 0.5:
                quote += f"，同比{growth_word}{growth_fig}"
                self._outcome(m.id, "growth", f"{m.id}.growth", quote, value=growth_value)
            self._outcome(m.id, "level", f"{m.id}.level", quote, value=fig)
            if m.total:
                self._outcome(f"{m.id}-total", "level", f"{m.id}-total.level", quote, value=total)
            self.doc.sentence(rng.choice(("", "全年", "一是")), quote, "。", quote_at=(1,))
        elif m.kind == "area":
            fig = _fmt(s.level, 0 if m.unit == "亩" else 1) + m.unit
            quote = f"新增{m.name}{fig}" if m.unit != "亩" else f"{m.name}{fig}"
            self._outcome(m.id, "level", f"{m.id}.level", quote, value=fig)
            self.doc.sentence(quote, "；", quote_at=(0,))
        elif m.kind == "share":
            fig = _fmt(s.level, 1) + "%"
            pp = _fmt(abs(s.growth), 1) + "个百分点"
            up = "提高" if s.growth >= 0 else "下降"
            quote = f"{m.name}达{fig}，比上年{up}{pp}"
            self._outcome(m.id, "share", f"{m.id}.share", quote, value=fig)
            self._outcome(
                m.id, "growth", f"{m.id}.growth", quote, value=pp if s.growth >= 0 else f"下降{pp}"
            )
            self.doc.sentence(quote, "。", quote_at=(0,))
        elif m.kind == "times":
            fig = f"近{_fmt(s.level, 0)}倍"
            quote = f"{m.name}{fig}"
            self._outcome(m.id, "level", f"{m.id}.level", quote, value=fig)
            self.doc.sentence("政府投资", quote, "。", quote_at=(1,))

    def key_projects(self) -> None:
        """The compound goal's evidence: 12个省重点项目完成投资…，完成年度计划…%."""
        rng = self.rng
        for metric in ("provincial-key-projects", "municipal-key-projects"):
            s = self.series[metric]
            n = f"{_count(s.level)}个"
            money = _fmt(s.level * rng.uniform(5, 12), 2) + "亿元"
            pct = _fmt(rng.uniform(85, 130), 2) + "%"
            name = "省重点项目" if metric.startswith("provincial") else "市重点项目"
            if rng.random() < 0.3:
                plan = _fmt(s.level * rng.uniform(5, 12), 0) + "亿元"
                quote = f"{n}{name}完成年计划{plan}的{pct}"
                extra: dict[str, object] = {"plan": plan, "attainment": pct}
                self._outcome(
                    f"{metric}-investment",
                    "attainment",
                    f"{metric}-investment.attainment",
                    quote,
                    value=pct,
                    **extra,
                )
            else:
                quote = f"{n}{name}完成投资{money}，完成年度计划{pct}"
                self._outcome(
                    f"{metric}-investment",
                    "level",
                    f"{metric}-investment.level",
                    quote,
                    value=money,
                    attainment=pct,
                )
            self._outcome(metric, "level", f"{metric}.level", quote, value=n)
            self.doc.sentence(quote, "；", quote_at=(0,))

    def milestone_results(self) -> None:
        rng = self.rng
        for i, (goal_id, project) in enumerate(sorted(self.milestones.items())):
            progress = rng.choice(("completed", "completed", "partial", "in_progress"))
            quote = {
                "completed": f"{project}建成投用",
                "partial": f"{project}一期建成",
                "in_progress": f"{project}加快建设",
            }[progress]
            self._outcome(
                None, "milestone", f"milestone-{i + 1}", quote, goal=goal_id, progress=progress
            )
            self.doc.sentence("推动", quote, "。", quote_at=(1,))

    def safety_result(self) -> None:
        quote = "全年未发生较大及以上生产安全事故"
        self._outcome("major-safety-accidents", "event", "major-safety-accidents", quote)
        self.doc.sentence(quote, "。", quote_at=(0,))

    def cumulative(self, plan: tuple[str, int, int]) -> None:
        name, first, _ = plan
        year = self.doc.year - 1
        if year <= first:
            return
        s = self.series["high-tech-firms"]
        fig = f"{_count(s.level * (year - first + 1))}家"
        quote = f"{name}以来累计新增国家级高新技术企业{fig}"
        self._outcome(
            "high-tech-firms",
            "level",
            "high-tech-firms.cumulative",
            quote,
            value=fig,
            cumulative=True,
            period=f"{first}-{year}",
        )
        self.doc.sentence(quote, "。", quote_at=(0,))

    # --- goals of the year ---
    def goal(self, metric: MetricDef, measure: str, section: str, two_tier: bool) -> None:
        s = self.series[metric.id]
        rng = self.rng
        m = metric
        slug = f"{m.id}.{measure}"
        strength_word, strength = rng.choice(
            (
                ("", None),
                ("", None),
                ("力争", "aspirational"),
                ("确保", "hard"),
                ("争取", "aspirational"),
            )
        )
        extra: dict[str, object] = {}
        if m.id == "energy-intensity":
            d = _fmt(rng.uniform(1, 4), 1) + "%"
            quote = f"{strength_word}{m.name}下降{d}"
            target = f"下降{d}"
        elif measure == "growth" and m.kind in ("money",):
            g = max(2.0, s.trend + rng.uniform(-3, 3))
            if two_tier:
                low = _fmt(g, 0) + "%"
                high = _fmt(g + rng.choice((2, 3, 5)), 0) + "%"
                quote = f"{m.name}确保增长{low}，力争增长{high}"
                target, extra, strength = low, {"stretch": high}, "hard"
            else:
                roll = rng.random()
                if roll < 0.12:
                    target = rng.choice(("两位数以上", "两位数"))
                    quote = f"{strength_word}{m.name}增长{target}"
                elif roll < 0.3:
                    target = _fmt(g, 0) + "%左右"
                    quote = f"{strength_word}{m.name}增长{target}"
                elif roll < 0.4:
                    target = "超" + _fmt(g, 0) + "%"
                    quote = f"{strength_word}{m.name}增长{target}"
                else:
                    target = _fmt(g, 0) + "%以上"
                    quote = f"{strength_word}{m.name}增长{target}"
        elif measure == "growth":  # share metrics: percentage points
            target = _fmt(rng.uniform(0.2, 3), 1) + "个百分点"
            quote = f"{strength_word}{m.name}提高{target}"
        elif m.kind == "money":
            level = s.level * (1 + (s.trend + rng.uniform(-4, 4)) / 100)
            fig = _money(m, level, rng)
            word = rng.choice(("", "以上", "超", "约", "不少于"))
            target = {
                "以上": f"{fig}以上",
                "超": f"超{fig}",
                "约": f"约{fig}",
                "不少于": f"不少于{fig}",
            }.get(word, fig)
            verb = "达到" if word in ("", "以上", "约") else ""
            quote = f"{strength_word}{m.name}{verb}{target}"
        elif m.kind == "count":
            n = max(2, round(s.level * rng.uniform(0.9, 1.2)))
            roll = rng.random()
            if roll < 0.15:
                target = f"{n}~{n + rng.choice((2, 3, 5))}{m.unit}"
            elif roll < 0.3:
                target = f"不少于{n}{m.unit}"
            elif roll < 0.45:
                target = f"超{n}{m.unit}"
            elif roll < 0.75:
                target = f"{n}{m.unit}以上"
            else:
                target = f"{n}{m.unit}"
            quote = f"{strength_word}新增{m.name}{target}"
        elif m.kind == "area":
            target = _fmt(s.level * rng.uniform(0.9, 1.2), 0 if m.unit == "亩" else 1) + m.unit
            target = rng.choice((target, target + "以上"))
            quote = f"{strength_word}{'新增' if m.unit != '亩' else ''}{m.name}{target}"
        elif m.kind == "share":
            target = _fmt(min(98.0, s.level + rng.uniform(0, 3)), 0) + "%以上"
            quote = f"{strength_word}{m.name}达到{target}"
        else:  # times
            target = _fmt(s.level * rng.uniform(0.9, 1.2), 0) + "倍以上"
            quote = f"{strength_word}{m.name}{target}"
        if strength is not None:
            extra["strength"] = strength
        self._goal(slug, section, m.id, measure, quote, target=target, **extra)
        self.doc.sentence(quote, rng.choice(("，", "；", "。")), quote_at=(0,))

    def compound_goal(self, section: str) -> None:
        a = max(2, round(self.series["provincial-key-projects"].level * self.rng.uniform(0.9, 1.2)))
        b = max(2, round(self.series["municipal-key-projects"].level * self.rng.uniform(0.9, 1.2)))
        quote = f"加快建设{a}个省重点项目和{b}个市重点项目"
        parts = [
            {"metric": "provincial-key-projects", "target": f"{a}个", "label": "省重点项目"},
            {"metric": "municipal-key-projects", "target": f"{b}个", "label": "市重点项目"},
        ]
        self._goal("key-projects", section, None, "level", quote, parts=parts)
        self.doc.sentence("一是", quote, "。", quote_at=(1,))

    def milestone_goals(self, section: str) -> dict[str, str]:
        chosen = self.rng.sample(_PROJECTS, 2)
        made = {}
        for i, project in enumerate(chosen):
            name = f"{self.doc.zone.short}{project}"
            quote = f"全面推进{name}建设"
            slug = f"milestone-{i + 1}"
            self._goal(slug, section, None, "milestone", quote, description=f"{name}建设")
            made[f"{self.doc.source_id}.{slug}"] = name
            self.doc.sentence(quote, "。", quote_at=(0,))
        return made

    def safety_goal(self, section: str) -> None:
        quote = "确保不发生较大生产安全事故"
        self._goal(
            "no-major-accident", section, "major-safety-accidents", "event", quote, strength="hard"
        )
        self.doc.sentence(quote, "。", quote_at=(0,))

    def plan_goal(self, plan: tuple[str, int, int], section: str) -> None:
        name, first, last = plan
        n = round(self.series["high-tech-firms"].level * (last - first + 1) * 1.1)
        label = name if self.rng.random() < 0.5 else f"{first}-{last}"
        quote = f"{name}期间累计新增国家级高新技术企业{n}家以上"
        self._goal(
            "plan-high-tech-firms",
            section,
            "high-tech-firms",
            "level",
            quote,
            period=label,
            target=f"{n}家以上",
            strength="aspirational",
        )
        self.doc.sentence("力争", quote, "。", quote_at=(1,))


def _plan(year: int) -> tuple[str, int, int]:
    for name, first in (("十三五", 2016), ("十四五", 2021), ("十五五", 2026), ("十二五", 2011)):
        if first <= year <= first + 4:
            return (name, first, first + 4)
    return ("十四五", 2021, 2025)


_ALL_SLOTS: tuple[tuple[MetricDef, str], ...] = tuple(
    (m, measure)
    for m in METRICS
    if m.id not in ("provincial-key-projects", "municipal-key-projects")
    for measure in (
        ("level", "growth")
        if m.kind == "money" and m.unit != "wan"
        else ("share", "growth")
        if m.kind == "share" and m.id != "energy-intensity"
        else ("growth",)
        if m.id == "energy-intensity"
        else ("level",)
    )
)


def _zone_docs(zone: Zone, years: Sequence[int], seed: int) -> Iterator[_Doc]:
    """The documents of one zone, oldest first; each uses the series state of its years."""
    rng = random.Random(f"{seed}:docs:{zone.index}")
    series = {m.id: _Series(m, zone, rng) for m in METRICS}
    milestones: dict[str, str] = {}
    for year in years:
        for s in series.values():
            s.advance()  # now holds the figures of year - 1, reported in this document
        doc = _Doc(zone, year, f"{zone.id}-{year}")
        writer = _Writer(doc, rng, series, milestones)
        plan = _plan(year)
        doc.prose(f"  一、{year - 1}年工作总结\n\n  {year - 1}年，{zone.name}")
        doc.prose(rng.choice(_FILLER) + "，各项工作取得新突破。")
        order = [m for m in METRICS if not m.id.endswith("key-projects")]  # see key_projects
        rng.shuffle(order)
        for i, metric in enumerate(order):
            if rng.random() < 0.04:  # not every figure is reported every year
                continue
            if i % 7 == 0:
                doc.prose(f"\n\n  ({_HEADINGS[(i // 7) % 10]}){rng.choice(_FILLER)}。")
            writer.results(metric)
            if rng.random() < 0.3:
                doc.prose(rng.choice(_FILLER) + "。")
        writer.key_projects()
        writer.milestone_results()
        writer.safety_result()
        writer.cumulative(plan)
        doc.prose(f"\n\n  二、{year}年工作要点\n\n  {year}年预期目标：")
        section = f"二、{year}年工作要点 · 预期目标"
        slots = rng.sample(_ALL_SLOTS, 55)
        two_tier = {slot[0].id for slot in slots if slot[1] == "growth" and slot[0].kind == "money"}
        tiers = set(rng.sample(sorted(two_tier), min(2, len(two_tier))))
        for i, (metric, measure) in enumerate(slots):
            if i and i % 8 == 0:
                heading = _HEADINGS[(i // 8) % 10]
                section = f"二、{year}年工作要点 · ({heading})"
                doc.prose(f"\n\n  ({heading}){rng.choice(_FILLER)}。")
            writer.goal(
                metric, measure, section, two_tier=measure == "growth" and metric.id in tiers
            )
        section = f"二、{year}年工作要点 · 重点任务"
        doc.prose(f"\n\n  ({_HEADINGS[8]}){rng.choice(_FILLER)}。")
        writer.compound_goal(section)
        milestones = writer.milestone_goals(section)
        writer.plan_goal(plan, section)
        writer.safety_goal(section)
        doc.prose(rng.choice(_FILLER) + "。\n")
        yield doc


# --- output ---


def _q(value: object) -> str:
    """A YAML scalar: JSON strings are valid YAML double-quoted scalars."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def _records_yaml(key: str, records: list[dict[str, object]]) -> list[str]:
    if not records:
        return []
    lines = [f"{key}:"]
    for record in records:
        first = True
        for k, v in record.items():
            lead = "  - " if first else "    "
            first = False
            if k == "parts":
                lines.append(f"{lead}parts:")
                for part in cast(list[dict[str, str]], v):
                    inner = ", ".join(f"{pk}: {_q(pv)}" for pk, pv in part.items())
                    lines.append(f"      - {{{inner}}}")
            else:
                lines.append(f"{lead}{k}: {_q(v)}")
    return lines


def _render(doc: _Doc, text_ref: str, convert: Callable[[str], str]) -> tuple[str, str]:
    """The spec YAML and the source text of a document."""
    zone, year = doc.zone, doc.year
    title = f"{zone.name}{year - 1}年度工作总结和{year}年度工作要点"
    number = f"{zone.short[0]}高工委〔{year}〕{zone.index % 17 + 2}号"
    day = 10 + (zone.index * 7 + year) % 18
    published = f"{year}-02-{day:02d}"
    header = (
        f"索引号:  XM{zone.index:05d}-03-02-{year}-001 文号:   {number}\n"
        f"发布机构:   {zone.name} 发文日期:   {published}\n"
        f"名称:  {title}\n{title}\n发布时间:{published} 字体大小: | |\n\n"
    )
    body = "".join(convert(text) for text, _ in doc.pieces)
    text = convert(header) + body
    script = "zh-Hant" if zone.traditional else "zh-Hans"
    lines = [
        "# yaml-language-server: $schema=../../../schema/spec.schema.json",
        "source:",
        f"  id: {doc.source_id}",
        f"  title: {_q(convert(title))}",
        f"  issuer: {_q(convert(zone.name + '管委会'))}",
        f"  doc_number: {_q(convert(number))}",
        f"  published: {_q(published)}",
        f"  script: {script}",
        f"  text: {_q(text_ref)}",
        "  kind: report",
        "defaults:",
        f"  entity: {zone.id}",
    ]
    if zone.traditional:
        for record in doc.goals + doc.outcomes:
            for key in (
                "quote",
                "target",
                "stretch",
                "value",
                "attainment",
                "plan",
                "description",
                "section",
            ):
                if key in record:
                    record[key] = convert(str(record[key]))
            for part in cast(list[dict[str, str]], record.get("parts", [])):
                part["target"] = convert(part["target"])
                part["label"] = convert(part["label"])
    lines += _records_yaml("goals", doc.goals)
    lines += _records_yaml("outcomes", doc.outcomes)
    return "\n".join(lines) + "\n", text


def _identity(text: str) -> str:
    return text


def _write_zone(out: str, zone: Zone, years: Sequence[int], seed: int, text_prefix: str) -> int:
    """Write every document of one zone; returns the number of records written."""
    root = Path(out)
    convert: Callable[[str], str] = _identity
    if zone.traditional:
        from hitech_targets.textnorm import to_traditional

        convert = to_traditional
    spec_dir = root / "specs" / "zones" / zone.id
    text_dir = root / "texts" / zone.id
    spec_dir.mkdir(parents=True, exist_ok=True)
    text_dir.mkdir(parents=True, exist_ok=True)
    records = 0
    for doc in _zone_docs(zone, years, seed):
        ref = f"{text_prefix}texts/{zone.id}/{doc.source_id}.txt"
        spec, text = _render(doc, ref, convert)
        (spec_dir / f"{doc.source_id}.yaml").write_text(spec, encoding="utf-8")
        (text_dir / f"{doc.source_id}.txt").write_text(text, encoding="utf-8")
        records += len(doc.goals) + len(doc.outcomes)
    return records


def _registries(root: Path, zone_list: Sequence[Zone], years: Sequence[int]) -> None:
    from hitech_targets.textnorm import to_traditional

    reg = root / "specs" / "registry"
    reg.mkdir(parents=True, exist_ok=True)
    dims = {"money": "money", "count": "count", "area": "area", "share": "ratio", "times": "ratio"}
    lines = ["# yaml-language-server: $schema=../../../schema/spec.schema.json", "metrics:"]

    def metric(ident: str, name: str, en: str, dimension: str, headline: bool = False) -> None:
        names = f"{{zh-Hans: {_q(name)}, zh-Hant: {_q(to_traditional(name))}, en: {_q(en)}}}"
        lines.extend((f"  - id: {ident}", f"    names: {names}", f"    dimension: {dimension}"))
        if headline:
            lines.append("    headline: true")

    for m in METRICS:
        metric(
            m.id,
            m.name,
            m.en,
            dims[m.kind],
            headline=m.id in ("industrial-value-added", "fixed-asset-investment", "fdi"),
        )
        if m.total:
            metric(f"{m.id}-total", f"{m.name}总数", f"{m.en} (total)", "count")
        if m.city_share:
            metric(
                f"{m.id}-city-share", f"{m.name}占全市比重", f"{m.en}, share of the city", "ratio"
            )
    for key, name, en in (
        ("provincial-key-projects", "省重点项目", "provincial key projects"),
        ("municipal-key-projects", "市重点项目", "municipal key projects"),
    ):
        metric(f"{key}-investment", f"{name}完成投资", f"Investment in {en}", "money")
    metric("major-safety-accidents", "较大生产安全事故", "Major work-safety accidents", "event")
    (reg / "metrics.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["# yaml-language-server: $schema=../../../schema/spec.schema.json", "entities:"]
    for zone in zone_list:
        names = (
            f"{{zh-Hans: {_q(zone.name)}, zh-Hant: {_q(to_traditional(zone.name))}, "
            f"en: {_q(zone.en)}}}"
        )
        lines.extend((f"  - id: {zone.id}", f"    names: {names}", "    kind: zone"))
    (reg / "entities.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    known = {
        2016: "6.6423",
        2017: "6.7518",
        2018: "6.6174",
        2019: "6.8985",
        2020: "6.8976",
        2021: "6.4515",
        2022: "6.7261",
        2023: "7.0467",
        2024: "7.1217",
        2025: "7.1800",
    }
    lines = ["# yaml-language-server: $schema=../../../schema/spec.schema.json", "fx_rates:"]
    for year in range(years[0] - 1, years[-1] + 1):
        rate = known.get(year, "7.0000")
        lines.append(
            f"  - {{base: USD, quote: CNY, year: {year}, rate: {_q(rate)}, "
            f"source: {_q('合成基准数据 (synthetic benchmark rate)')}}}"
        )
    (reg / "fx.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def text_prefix_for(out: Path) -> str:
    """The path of ``out`` from the repository root of ``out/specs``, as the loader finds it."""
    specs = (out / "specs").resolve()
    for candidate in (specs, *specs.parents):
        if any((candidate / marker).exists() for marker in ("pyproject.toml", ".git")):
            relative = out.resolve().relative_to(candidate).as_posix()
            return "" if relative == "." else relative + "/"
    return ""


def generate(
    out: Path,
    *,
    zones_count: int = 178,
    years: int = 10,
    scale: int = 1,
    seed: int = 0,
    text_prefix: str | None = None,
    jobs: int | None = None,
) -> int:
    """Write the corpus under ``out`` (``specs/`` and ``texts/``); returns the record count.

    Source ``text`` paths are relative to the repository root the loader finds for
    ``out/specs`` (the nearest ancestor with pyproject.toml or .git, else ``out``);
    ``text_prefix`` overrides the computed prefix.
    """
    if text_prefix is None:
        text_prefix = text_prefix_for(out)
    zone_list = zones(zones_count * scale, seed)
    year_list = list(range(LAST_YEAR - years + 1, LAST_YEAR + 1))
    out.mkdir(parents=True, exist_ok=True)
    _registries(out, zone_list, year_list)
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(zone_list) < 8:
        return sum(_write_zone(str(out), z, year_list, seed, text_prefix) for z in zone_list)
    with ProcessPoolExecutor(jobs) as pool:
        futures = [
            pool.submit(_write_zone, str(out), z, year_list, seed, text_prefix) for z in zone_list
        ]
        return sum(f.result() for f in futures)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="directory to write specs/ and texts/ into")
    parser.add_argument("--zones", type=int, default=178)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--scale", type=int, default=1, help="multiplies the number of zones")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--text-prefix",
        default=None,
        help="prefix of the sources' text paths (default: OUT from the repository root)",
    )
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all)")
    args = parser.parse_args(argv)
    if args.zones < 1 or args.years < 1 or args.scale < 1:
        parser.error("--zones, --years and --scale must be positive")
    started = time.perf_counter()
    records = generate(
        args.out,
        zones_count=args.zones,
        years=args.years,
        scale=args.scale,
        seed=args.seed,
        text_prefix=args.text_prefix,
        jobs=args.jobs,
    )
    print(
        f"{args.zones * args.scale} zones x {args.years} years, {records} records "
        f"in {time.perf_counter() - started:.1f} s -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
