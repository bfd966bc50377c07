"""Tag suggestions: the round-15 rules (what the article says about a name, the edges trimmed, a
quoted name opening with a preposition) attacked on sentences of their own; each fails without its fix."""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=40)}


def people(result: dict[str, TagSuggestion]) -> set[str]:
    return {name for name, s in result.items() if s.kind == "person"}


def test_a_person_jieba_names_is_kept_where_the_sentence_treats_them_as_one() -> None:
    cases = {
        "重阳节前夕,街道党工委书记带队走访慰问了王桂芝,为老人送上慰问品。": "王桂芝",  # visited
        "社区志愿者给李秀英送去了棉被和米面油。": "李秀英",  # given something
        "图为王桂芝在教居民剪纸。": "王桂芝",  # a caption
        "王桂芝主任带领居委会干部挨家挨户走访。": "王桂芝",  # a title after the name
        "王桂芝的儿子在外地工作,平时很少回家。": "王桂芝",  # a family
        "会上,街道对王桂芝、李秀英进行了表彰。": "王桂芝",  # a list the sentence goes on after
    }
    for body, name in cases.items():
        assert name in people(found("社区新闻", body)), body


def test_a_person_jieba_names_is_kept_in_a_caption_an_interview_or_beside_another() -> None:
    cases = {
        "记者:您为什么坚持做志愿者?王桂芝:因为我也曾得到过大家的帮助。": "王桂芝",  # an interview
        "王桂芝和李秀英是多年的老邻居。": "李秀英",  # joined to a person
        "记者来到王桂芝家中,屋里收拾得干干净净。": "王桂芝",  # a home
        "王桂芝(右一)正在教孩子们包粽子。": "王桂芝",  # a caption
        "前排右一为王桂芝。": "王桂芝",
        "王桂芝,女,1956年生,退休教师。": "王桂芝",  # a profile
        "志愿者与王桂芝一起打扫楼道。": "王桂芝",
        "大家听王桂芝讲述过去的故事。": "王桂芝",
        "在王桂芝的带动下,楼里的居民都加入了志愿队。": "王桂芝",
        "王桂芝被评为“最美家庭”。": "王桂芝",
    }
    for body, name in cases.items():
        assert name in people(found("社区新闻", body)), body


def test_a_reporter_or_a_photographer_is_no_person_to_file_under() -> None:
    result = found("邻里节", "社区开展邻里节活动,居民们欢聚一堂。(通讯员 王桂芝 李秀英 摄)")
    assert not {"王桂芝", "李秀英"} & people(result)


def test_a_common_word_is_still_no_person_beside_the_new_evidence() -> None:
    result = found(
        "山村变了样",
        "村里开起了农家乐,农家乐的客人越来越多。由农家乐提供午餐,给夏令营送去了西瓜。",
    )
    assert not {"农家乐", "夏令营"} & people(result)


def test_three_characters_that_are_a_word_or_a_crowd_are_no_person() -> None:
    cases = {
        "活动结束后,许多人说,这样的活动应该多办。": "许多人",
        "听完讲座,成年人说不如孩子们学得快。": "成年人",
        "提起这件事,全家人说,多亏了社区帮忙。": "全家人",
        "他是个热心肠,周围人说,谁家有事他都帮。": "周围人",
        "孙子们说,奶奶做的汤圆最好吃。": "孙子们",
        "毕业生说,社区实习收获很大。": "毕业生",
    }
    for body, word in cases.items():
        assert word not in people(found("社区新闻", body)), body


def test_a_name_that_begins_with_where_it_is_keeps_it() -> None:
    # 城区 and 市区 begin names of their own (城区派出所, 城区街道): what is left would be generic
    police = found("反诈", "城区派出所民警走进社区,城区派出所开展反诈宣传。")
    assert "城区派出所" in police and "城区" not in police
    street = found("邻里节", "城区街道开展邻里节,城区街道的居民参加。")
    assert "城区街道" in street and "城区" not in street


def test_a_quoted_slogan_or_idiom_opening_with_a_preposition_is_no_name() -> None:
    result = found("宣传", "社区倡导“从我做起”,居民纷纷响应。社区开展“将心比心”调解工作。")
    assert not {"从我做起", "将心比心"} & set(result)
    slogan = found("宣传", "社区开展“向上向善”好青年评选。")
    assert "向上向善" not in slogan
    programme = found("课堂", "“向日葵”课堂开课,“向日葵”课堂每周两次。")
    assert [n for n in programme if n.startswith("向日葵")]
    jobs = found("招聘", "“就业直通车”开进社区,“就业直通车”带来200个岗位。")
    assert [n for n in jobs if n.startswith("就业直通车")]  # a verb begins the programme's name


def test_a_person_jieba_names_is_kept_where_the_sentence_talks_about_them() -> None:
    cases = {
        "说起王桂芝,居民们都竖起大拇指。": "王桂芝",
        "像王桂芝这样的志愿者,社区里还有很多。": "王桂芝",
        "楼里有位老人名叫王桂芝,已经九十岁了。": "王桂芝",
        "居民有事都爱找王桂芝帮忙。": "王桂芝",
        "对王桂芝来说,志愿服务已经成了习惯。": "王桂芝",
        "最早报名的是王桂芝。": "王桂芝",
        "王桂芝的故事感动了很多人。": "王桂芝",
    }
    for body, name in cases.items():
        assert name in people(found("社区新闻", body)), body
    profile = found("王桂芝:二十年守护一栋楼", "她是楼里的“老娘舅”,二十年来,楼里的大事小事都找她。")
    assert "王桂芝" in people(profile)  # the heading of a profile


def test_a_district_named_short_is_no_city_and_the_town_is_no_place() -> None:
    # 崇明 (the bundled dictionary's district) is what the article is about; 镇里 means "in the town"
    result = list(
        found(
            "崇明生态岛上的护鸟人",
            "在崇明东滩,68岁的护鸟人朱建国已经守了二十年。每年冬天,他都要在崇明的滩涂上巡护好几遍。"
            "他说,崇明的鸟越来越多了。镇里的居民也常来帮忙。",
        )
    )
    assert result.index("崇明") < result.index("护鸟人"), result
    assert "镇里" not in result[:5], result


def test_a_surname_and_a_form_of_address_the_sentence_frames_is_no_name() -> None:
    result = found("社区新闻", "党员志愿者宋大伯今年78岁,每天巡楼。楼组长江大嫂说,大家都很配合。")
    assert not {"宋大伯", "江大嫂"} & people(result)


def test_a_team_jieba_reads_as_a_name_is_no_person_where_a_person_would_be() -> None:
    # jieba's tagger reads 龙舟队 as a name; being visited or given to says nothing of a team
    for body in (
        "端午节前,社区给龙舟队送去了绿豆汤。",
        "街道领导走访慰问了龙舟队。",
        "像龙舟队这样的群众队伍,社区里还有很多。",
        "在龙舟队的带动下,居民们都动了起来。",
    ):
        assert "龙舟队" not in people(found("社区新闻", body)), body


def test_a_person_jieba_names_is_kept_after_what_they_do_or_as_the_contact() -> None:
    cases = {
        "教剪纸的韩桂英是区文化馆的退休干部,每周来上两次课。": "韩桂英",  # what she does, before
        "报名截至本月底。联系人:居委会 方丽娟,联系电话:12345678。": "方丽娟",  # a notice's contact
    }
    for body, name in cases.items():
        assert name in people(found("社区新闻", body)), body
    things = found("山村", "村里开起了农家乐,新开的农家乐是村民自己盖的。")
    assert "农家乐" not in people(things)


def test_words_jieba_reads_as_a_name_after_de_are_no_person() -> None:
    result = found("停车", "以前,外面的车开进来很不方便。最早报名的是龙舟队。")
    assert not {"车开进", "龙舟队"} & people(result)
