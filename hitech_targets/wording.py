"""The word tables the quantity grammar compiles: units, counting words, growth and bound words."""

from __future__ import annotations

from decimal import Decimal

from hitech_targets.quantity import Comparator, Unit

#: Unit words → (unit, factor to the base unit). Counts are handled by ``CLASSIFIERS``.
UNITS: dict[str, tuple[Unit, Decimal]] = {
    "元": (Unit.CNY, Decimal(1)),
    "美元": (Unit.USD, Decimal(1)),
    "%": (Unit.PERCENT, Decimal(1)),
    "个百分点": (Unit.PP, Decimal(1)),
    "百分点": (Unit.PP, Decimal(1)),
    "成": (Unit.PERCENT, Decimal(10)),
    "倍": (Unit.TIMES, Decimal(1)),
    "亩": (Unit.MU, Decimal(1)),
    "平方米": (Unit.M2, Decimal(1)),
    "平米": (Unit.M2, Decimal(1)),
    "m2": (Unit.M2, Decimal(1)),
    "公顷": (Unit.M2, Decimal(10000)),
    "平方公里": (Unit.M2, Decimal(1000000)),
    "平方千米": (Unit.M2, Decimal(1000000)),
    "km2": (Unit.M2, Decimal(1000000)),
}

#: Counting words (simplified), each with the words that, following it, make it part of
#: another word (3人才 is not "3 people"; 八项规定 is a name).
CLASSIFIERS: dict[str, tuple[str, ...]] = {
    "家次": (),
    "人次": (),
    "户次": (),
    "项次": (),
    "家": (),
    "个": (),
    "项": ("规定",),
    "名": tuple("单称义列额"),
    "人": tuple("才民员大口均工"),
    "件": (),
    "套": (),
    "笔": (),
    "宗": (),
    "场": tuple("景地所"),
    "批": tuple("复示准"),
    "条": tuple("例件"),
    "所": tuple("有在属以谓"),
    "支": tuple("持撑付出"),
    "座": ("谈",),
    "次": tuple("会全党代"),
    "户": tuple("口籍"),
    "位": tuple("数于居列置"),
    "台": tuple("企湾商胞阶"),
    "辆": (),
    "栋": (),
    "幢": (),
    "例": ("如",),
    "篇": ("章",),
    "枚": (),
    "款": (),
    "种": tuple("子植"),
    "类": (),
    "份": ("额",),
    "只": tuple("有要是能"),
    "届": tuple("时满中"),
}
#: Characters that make a following 成 part of a word (成立, 成果), not tenths.
CHENG_NOT = "立功为员果本交熟都绩效长型就品套片像年不"

GROWTH_UP = ("增长", "增加", "提高", "提升", "上升", "上涨")
GROWTH_DOWN = ("负增长", "下降", "减少", "降低", "下滑", "回落")
BASIS = ("同比", "环比", "比上年", "较上年", "比去年", "较去年")

#: Bound words before the number → (comparator, approximate).
PREFIXES: dict[str, tuple[Comparator, bool]] = {
    "大约": (Comparator.APPROX, True),
    "约为": (Comparator.APPROX, True),
    "约": (Comparator.APPROX, True),
    "将近": (Comparator.LT, True),
    "接近": (Comparator.LT, True),
    "近": (Comparator.LT, True),
    "超过": (Comparator.GT, False),
    "超出": (Comparator.GT, False),
    "超": (Comparator.GT, False),
    "逾": (Comparator.GT, False),
    "突破": (Comparator.GT, False),
    "高于": (Comparator.GT, False),
    "多于": (Comparator.GT, False),
    "不少于": (Comparator.GE, False),
    "不低于": (Comparator.GE, False),
    "至少": (Comparator.GE, False),
    "最少": (Comparator.GE, False),
    "最低": (Comparator.GE, False),
    "不超过": (Comparator.LE, False),
    "不高于": (Comparator.LE, False),
    "不多于": (Comparator.LE, False),
    "最多": (Comparator.LE, False),
    "最高": (Comparator.LE, False),
    "控制在": (Comparator.LE, False),
    "不足": (Comparator.LT, False),
    "不到": (Comparator.LT, False),
    "不满": (Comparator.LT, False),
    "低于": (Comparator.LT, False),
    "少于": (Comparator.LT, False),
}

#: Bound words after the unit.
SUFFIXES: dict[str, tuple[Comparator, bool]] = {
    "及以上": (Comparator.GE, False),
    "或以上": (Comparator.GE, False),
    "以上": (Comparator.GE, False),
    "及以下": (Comparator.LE, False),
    "或以下": (Comparator.LE, False),
    "以下": (Comparator.LE, False),
    "以内": (Comparator.LE, False),
    "左右": (Comparator.APPROX, True),
    "上下": (Comparator.APPROX, True),
}
