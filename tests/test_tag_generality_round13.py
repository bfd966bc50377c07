"""Tag suggestions, thirteenth round: what the five independent labellers tag (and do not), and
names jieba cuts, each on sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(content: ArticleContent, limit: int = 30) -> list[TagSuggestion]:
    return suggest(content, FLAT_IDF, limit=limit)


def names(suggestions: list[TagSuggestion]) -> list[str]:
    return [s.name for s in suggestions]


def test_a_rarer_surname_after_a_role_names_a_person() -> None:
    for surname in "屠贲沃戎杭于":
        person = surname + "志强"
        body = f"镇退役军人服务站站长{person}介绍,今年站里走访了老兵。"
        assert person in names(found(ArticleContent("走访老兵", body))), person


def test_a_name_after_a_role_is_confirmed_where_it_is_named_again() -> None:
    # 卫国 is a common word: after 副书记 and before 已经 nothing closes the name, but 蒋卫国在 does.
    body = "清晨,镇党委副书记蒋卫国已经沿着河堤走了两公里。这天,蒋卫国在桥边发现一处排水口。"
    result = found(ArticleContent("河长巡河", body))
    assert "蒋卫国" in names(result)
    assert "卫国" not in names(result)
    once = found(ArticleContent("河长巡河", "清晨,镇党委副书记蒋卫国已经沿着河堤走了两公里。"))
    assert "蒋卫国" not in names(once)  # named once and never closed: 卫国 may begin what follows


def test_a_street_whose_name_starts_with_an_adjective_after_its_district() -> None:
    result = found(ArticleContent("巡河", "梁溪区清名桥街道的河长每周巡河一次。"))
    assert "清名桥街道" in names(result)


def test_the_byline_comes_after_the_people_the_article_is_about() -> None:
    content = ArticleContent(
        "老街坊的合唱团",
        "书记钱慧珍介绍,合唱团每周三排练。团长韩立新说,明年要去区里比赛。",
        people=(("孔晓燕", "记者"),),
    )
    result = found(content)
    order = names(result)
    assert "孔晓燕" in order and result[order.index("孔晓燕")].reason == "byline"
    assert order.index("钱慧珍") < order.index("孔晓燕")
    assert order.index("韩立新") < order.index("孔晓燕")


def test_a_term_quoted_once_ranks_above_the_articles_commonest_noun() -> None:
    body = (
        "小区新装了十台快递柜,居民给它取名“暖心驿”。"
        "老人说,有了柜子,取件不用等,柜子每天消毒两次,柜子旁还有座椅。"
    )
    result = {s.name: s for s in found(ArticleContent("快递柜", body))}
    assert result["柜子"].reason == "keyword" and result["暖心驿"].reason == "quoted"
    assert result["暖心驿"].score > result["柜子"].score


def test_a_place_jieba_names_once_ranks_below_what_the_paper_quotes() -> None:
    # (a place of three characters or fewer named once is capped lower still: keyword_ranks)
    body = "新街社区的老人去西双版纳春游,回来后办了一次“夕阳行”摄影分享会。"
    result = {s.name: s for s in found(ArticleContent("老人春游", body))}
    assert result["西双版纳"].reason == "place"
    assert result["西双版纳"].score < result["夕阳行"].score < result["新街社区"].score


def test_the_source_line_comes_after_what_the_article_names() -> None:
    content = ArticleContent(
        "楼道议事会",
        "楼组长们把议事搬到网上,取名“云议事”。",
        source="(街道党群办)",
    )
    result = {s.name: s for s in found(content)}
    assert result["街道党群办"].reason == "source" and result["街道党群办"].kind == "organisation"
    assert result["街道党群办"].score < result["云议事"].score


def test_a_time_word_after_a_preposition_like_surname_is_no_name() -> None:
    body = "站长于昨日表示,服务站于本月开放。主任于随后赶到现场,会长于建国介绍了情况。"
    people = {s.name for s in found(ArticleContent("服务站开放", body)) if s.kind == "person"}
    assert people == {"于建国"}


def test_a_festival_is_not_read_inside_a_persons_name() -> None:
    named = names(found(ArticleContent("比赛", "队长雷国庆说,今年的比赛很激烈。")))
    assert "雷国庆" in named and "国庆节" not in named
    festive = names(found(ArticleContent("迎国庆", "过国庆,社区里张灯结彩。国庆期间,居民游园。")))
    assert "国庆节" in festive


def test_a_place_jieba_reads_as_a_name_is_offered_as_a_place() -> None:
    result = {s.name: s for s in found(ArticleContent("春游", "老人们去张家界春游,回来又逛了王府井。"))}
    assert result["张家界"].kind == "place" and result["王府井"].kind == "place"
