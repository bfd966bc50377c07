"""Tag suggestions that were wrong on articles written as traps (bench/qatags/FINDINGS.md): each on
sentences of its own, and each fails without its fix."""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, KnownTag, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, **options: object) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=30, **options)}  # type: ignore[arg-type]


def test_a_role_read_across_two_words_is_no_role() -> None:
    result = found("致辞", "上海市长宁区新华路街道党工委书记俞斌致辞。")
    assert "俞斌" in result and not [n for n in result if n.startswith("宁区")]


def test_a_given_name_that_is_a_proper_word_after_a_role() -> None:
    # 和平 begins with 和, which follows names, and 郑和 is a name of its own: 郑和平 is one person
    result = found("会议", "镇党委副书记郑和平出席会议并讲话。郑和平要求,扎实推进楼宇党建。")
    assert result["郑和平"].kind == "person"
    result = found("调研", "镇党委书记任和平到高境路居民区服务站调研。")
    assert result["任和平"].kind == "person"
    assert "镇党委书记任和平" not in result  # a role and a person: no topic


def test_a_form_of_address_after_a_surname_is_no_name() -> None:
    result = found("数字课堂", "参加课堂的82岁居民钱伯伯说,学会了用手机挂号。")
    assert not [n for n, s in result.items() if s.kind == "person"]


def test_a_word_after_a_surname_like_character_is_no_person() -> None:
    result = found("邻里", "“邻里之间,和为贵。”这是居民们常说的话。如今居民之间的关系也更和睦了。")
    assert not {"和为贵", "和睦"} & set(result)
    tea = found("走访", "社工每天上门走访,常带上一包白毫茶和老人聊聊天。")
    assert "白毫茶" not in tea or tea["白毫茶"].kind != "person"


def test_a_citys_nickname_is_a_place() -> None:
    result = found("高温", "连日来,申城持续高温,环卫工人坚守岗位。")
    assert result["申城"].kind == "place"


def test_a_verb_phrase_jieba_calls_a_name_is_no_person() -> None:
    result = found("开馆", "鼓楼区人民政府的代表应邀参加,并向分馆赠送图书。")
    assert "应邀参加" not in result


def test_the_page_header_and_masthead_name_nobody_of_the_article() -> None:
    body = (
        "临汾社区报\n二〇二六年六月十八日 第3版 社区动态 责任编辑:方正 美术编辑:金鑫\n"
        "主办:中共古城街道工作委员会 古城街道办事处\n"
        "书记王华带队检查了沿街商铺的消防安全。"
    )
    result = found("消防安全检查", body)
    assert "王华" in result
    assert not {"方正", "金鑫", "责任编辑", "美术", "临汾社区", "中共古城街道"} & set(result)


def test_the_source_label_is_not_part_of_the_source() -> None:
    content = ArticleContent("检查", "书记王华带队检查。", source="(来源:临汾路街道安全办)")
    names = [s.name for s in suggest(content, FLAT_IDF, limit=30)]
    assert "临汾路街道安全办" in names and not [n for n in names if n.startswith("来源")]


def test_a_longer_form_of_a_tag_is_the_tag() -> None:
    body = "黄浦区外滩街道办事处与外滩社区基金会签订合作协议。依照《中华人民共和国民法典》,双方约定权利义务。"
    tags = [KnownTag(1, "外滩街道", "外滩街道", "place"), KnownTag(2, "民法典", "民法典", "topic")]
    offered = found("签约", body, tags=tags)
    assert offered["外滩街道"].tag_id == 1 and offered["民法典"].tag_id == 2
    assert not {"外滩街道办事处", "中华人民共和国民法典"} & set(offered)
    applied = found("签约", body, tags=tags, applied={"外滩街道", "民法典"})
    assert not {"外滩街道", "外滩街道办事处", "民法典", "中华人民共和国民法典"} & set(applied)


def test_the_furniture_rules_leave_the_articles_own_names() -> None:
    result = found("报名", "居民可到古城街道报名参加。总编辑王立群介绍了报纸的改版,记者孙悦编辑了这组稿件。")
    assert "古城街道" in result  # 报名 is no paper's name
    assert result["王立群"].kind == "person"  # a chief editor the article is about is no page credit


def test_an_editor_the_sentence_is_about_is_no_page_credit() -> None:
    result = found("宣传栏", "美术编辑金鑫为社区设计了新的宣传栏。")
    assert result["金鑫"].kind == "person"
    header = found("动态", "第3版 社区动态 责任编辑:方正美术编辑:金鑫\n社区举办读书会。")
    assert not {"方正", "金鑫"} & set(header)  # credits run together stay credits


def test_a_time_word_is_a_given_name_after_a_surname_that_is_no_preposition() -> None:
    result = found("走访", "居委会主任张春秋带领志愿者走访。张春秋说,要把服务做细。")
    assert result["张春秋"].kind == "person"
    assert "于昨日" not in found("服务", "站长于昨日表示,将扩大服务。")  # 于 is a preposition there


def test_page_credits_set_off_by_a_space_are_no_people() -> None:
    result = found("读书会", "本版编辑 李华  校对 王强\n社区举办读书会。")
    assert not {"李华", "王强"} & set(result)


def test_a_person_jieba_names_starting_with_a_word_surname_is_kept_when_restated() -> None:
    # 和 and 于 are words far more often; a name of three named again at a clause's start is a name
    result = found("走访", "居民和晓东今天一早就来到社区。和晓东说,他很高兴。")
    assert result["和晓东"].kind == "person"
    result = found("书法", "今年72岁的于海洋在社区开设书法班。于海洋说,书法是他一生的爱好。")
    assert result["于海洋"].kind == "person"


def test_a_longer_form_offered_as_its_tag_leaves_no_inner_word() -> None:
    town = [KnownTag(1, "江桥镇", "江桥镇", "place")]
    result = found("通知", "江桥镇人民政府发布通知。江桥镇人民政府要求各村做好准备。", tags=town)
    assert result["江桥镇"].tag_id == 1
    assert "人民政府" not in result  # the office's inner words are no suggestion of their own


def test_a_name_that_edits_something_is_no_credit() -> None:
    result = found("故事集", "退休教师王立群编辑了一本社区故事集。")
    assert result["王立群"].kind == "person"
    result = found("社区志", "临汾路街道编辑出版了《社区志》。")
    assert result["临汾路街道"].kind == "place"
    header = found("动态", "社区动态 美术编辑:金鑫\n社区举办读书会。")
    assert "美术" not in header  # 美术 of 美术编辑 still goes


def test_a_saying_said_twice_is_no_person() -> None:
    result = found("邻里", "“和为贵”是居民们的口头禅。邻里之间,和为贵。")
    assert "和为贵" not in result
    result = found("邻里", "邻里之间,和为贵。大家都说,和为贵。")
    assert "和为贵" not in result


def test_a_headlines_slogans_are_no_subjects() -> None:
    body = "会上,各部门要进一步深化改革,扎实推进重点工作,全面落实各项任务,推进垃圾分类和城市更新。"
    result = found("深化改革 扎实推进 全面落实", body)
    assert not {"深化改革", "扎实推进", "全面落实", "各项任务"} & set(result)
    assert "垃圾分类" in result


def test_a_dotted_name_after_at_is_a_venue_not_a_person() -> None:
    venue = found("开幕", "第五届“美好生活节”在上生·新所开幕。")
    assert venue["上生·新所"].kind == "place"
    person = found("活动", "维吾尔族老人阿依古丽·买买提说,社区的活动很热闹。")
    assert person["阿依古丽·买买提"].kind == "person"
