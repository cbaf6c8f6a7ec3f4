using System.Text.Json;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Conversations.Keywords;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tests.Foundation;

namespace WeLink.Server.Tests.Conversations;

/// <summary>Which keyword reply a consumer's text gets, and the mini-program pages a card may open.</summary>
public sealed class KeywordMatchTests
{
    private static readonly Guid Brand = Guid.NewGuid();

    private static readonly IReadOnlyList<KeywordReply> Replies =
    [
        Reply("试驾"),
        Reply("VIP"),
        Reply("试驾预约"),
        Reply("会员"),
    ];

    [Theory]
    [InlineData("周末能试驾吗", "试驾")]
    [InlineData("我想试驾预约一下", "试驾预约")]
    [InlineData("我是vip客户", "VIP")]
    [InlineData("会员和试驾都想问", "试驾")]
    public void A_text_gets_the_reply_of_the_longest_keyword_it_contains_and_the_first_saved_on_a_tie(string text, string keyword) =>
        Assert.Equal(keyword, KeywordReplyRules.Match(Replies, text)?.Keyword);

    [Theory]
    [InlineData("你好")]
    [InlineData("")]
    [InlineData(null)]
    public void A_text_without_a_keyword_gets_none(string? text) => Assert.Null(KeywordReplyRules.Match(Replies, text));

    [Fact]
    public void The_pages_a_card_may_open_are_the_pages_of_the_mini_program_as_its_app_json_lists_them()
    {
        using var appJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleSettingsTests.RepositoryRoot(), "miniprogram", "src", "app.json")));
        Assert.Equal(appJson.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()), MiniProgramPages.All.Select(p => p.Path));
    }

    [Theory]
    [InlineData("pages/complaints/new", true)]
    [InlineData("pages/complaints/detail?id=1", true)]
    [InlineData("pages/testdrive/index", false)]
    [InlineData("pages/complaints", false)]
    [InlineData("", false)]
    public void A_path_is_a_page_when_its_part_before_the_query_is_one(string path, bool isPage) =>
        Assert.Equal(isPage, MiniProgramPages.IsPage(path));

    [Theory]
    [InlineData("pages/home/index", "pages/home/index?dealerId=D")]
    [InlineData("pages/complaints/detail?id=1", "pages/complaints/detail?id=1&dealerId=D")]
    [InlineData("pages/complaints/new?dealerId={dealerId}&from=kw", "pages/complaints/new?dealerId=D&from=kw")]
    public void A_page_opens_in_the_dealers_context(string page, string expected)
    {
        var dealer = Guid.NewGuid();
        Assert.Equal(expected.Replace("D", dealer.ToString(), StringComparison.Ordinal), MiniProgramPages.WithDealer(page, dealer));
    }

    private static KeywordReply Reply(string keyword) =>
        new(Guid.NewGuid(), Brand, keyword, KeywordReplyKinds.Text, "回复", null, null, DateTimeOffset.UnixEpoch);
}
