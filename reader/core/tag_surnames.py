"""Chinese surnames, for telling a person's name in running text (tag suggestions).

Round 13 added rarer surnames the independent labellers' people bore (于, 屠, 贲, 沃, 戎, 杭, 励, 钮,
阎, 冼…); 于 is a preposition too, so a common time word or adverb after it is no given name
(:func:`reader.core.tag_role_people.role_people`: 站长于昨日表示).
"""

from __future__ import annotations

# The commonest Chinese surnames: a person's name found in running text starts with one.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝"
    "于屠贲沃戎杭励钮阎朴芮郁邰濮昝訾阚茅裘嵇蔺逯竺郦糜宓郗厉禹荀储胥逄扈郏晁奚鄢鞠巢蒯仝冼揭湛粟"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "司徒", "令狐")

__all__ = ["COMPOUND_SURNAMES", "SURNAMES"]
