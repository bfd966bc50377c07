"""Words the tag suggester never offers: generic nouns of community news, and common words jieba's
dictionary tags as names, places or organisations."""

from __future__ import annotations

from reader.core import segmenter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that say nothing about what an article is about, in community news.
GENERIC_WORDS = _words(
    """
    社区 街道 工作 活动 居民 开展 进行 建设 问题 服务 情况 经验 代表 党员 群众 大家 单位 平台 交流 主题
    目标 精神 中心 方式 团队 总结 思想 文化 发展 现场 资源 工作人员 辖区 实际 特色 重点 历史 部长 压力 方面
    利用 形式 专题 阵地 亮点 会员 通讯员 记者 负责人 动员 难题 基层 会议 大会 报告 企业 气氛 时代 基础 集团
    载体 祖国 力量 指导 规范 力度 小区 管理 理论 任务 体系 项目 队伍 骨干 职工 社会 新思路 眼界 成效 作用
    意见 建议 要求 措施 举措 机制 能力 水平 质量 效率 内容 领域 环境 生活 家园 城市 地区 区域 国家 人民 干部
    领导 同志 老师 学生 老人 孩子 朋友 家庭 人员 人士 嘉宾 参与者 对象 部门 机构 组织 系统 网络 信息 数据
    时间 期间 当天 今年 去年 明年 近日 日前 本月 上午 下午 晚上 周年 年度 阶段 过程 方向 思路 理念 意识 责任
    使命 初心 牢记 热情 心情 感受 体会 收获 意义 价值 成果 成绩 效果 影响 作风 态度 精神面貌 形象 氛围 热点
    难点 痛点 短板 不足 差距 困难 矛盾 需求 诉求 期待 愿望 心声 故事 事迹 榜样 典型 模范 先进 骨干力量
    主任 副主任 书记 副书记 主席 副主席 委员 会长 秘书长 经理 局长 处长 科长 队长 组长 成员 居民群众 党员干部
    志愿者 工作者 社工 专家 教授 医生 民警 代表大会 座谈会 研讨会 培训 讲座 仪式 现场会 推进会 部署 节日
    政府 政策 制度 规定 条例 方案 实施方案 计划 规划 标准 清单 台账 文件 材料 资料 书籍 课程 课题 议题 话题
    环节 步骤 流程 手段 途径 渠道 窗口 岗位 职责 职能 角色 身份 心态 视角 层次 层面 全面 整体 细节 细化 范围
    人数 人次 数量 比例 总数 周边 身边 家门口 门口 楼道 大厅 场地 场所 阵地建设 设施 设备 经费 资金 物资
    垃圾 安全 健康 幸福感 获得感 满意度 参与率 成员单位 下功夫 学思 有关 相关 其他 其中 方法 特点 重要 主要
    参观 体验 全体 纪念 光彩 新台阶 办事 图片 新闻 国际 专场 一行 人们 大家庭 全国 世界 新华社 本报
    总书记 市委书记 区委书记 党委书记 党总支书记 居民区书记 支部书记 常委 部长 副部长 区长 市长 镇长
    """
)

# Common words jieba's dictionary tags as names, places or organisations.
NOT_NAMES = _words(
    """
    温馨 沙龙 杜绝 文明 安监 宝贵 智慧 呼唤 友谊 弘扬 大家庭 幸福感 单一化 融会贯通 以柔克刚 宣传部 宣传教育
    农耕 初心颂 党恩 科普 古典 安宁 满意度 爱国 新村 中兴 全委会 新格局 高质量 明确 周到 成才 向上 金秋
    万家 江山 和谐 平安 吉祥 光明 华诞 金色 常青 余热 红旗 东方 长城 黄金 英雄 雷锋 阳光 春风 青春 梦想
    新建 吐绿 中国史 党史 国史 深度 高度 广度 力度 热度 温度 深入 关心 关注 安全感 幸福感 获得感 归属感 责任感
    成就感 荣誉感 使命感 认同感 满足感 存在感 镇里 村里 县里 区里 市里 乡里 城里
    """
)


def is_generic(key: str) -> bool:
    """True for words that are never suggested (generic vocabulary, administrative units)."""
    return key in GENERIC_WORDS or key in segmenter.generic_words()
