using WeLink.Wechat.Http;

namespace WeLink.Wechat.Tests.Clients;

public sealed class WechatApiExceptionTests
{
    [Fact]
    public void The_exception_carries_errcode_errmsg_and_the_path_without_its_query_string()
    {
        var exception = new WechatApiException(
            "/cgi-bin/message/send?access_token=SECRET-CORP-TOKEN&debug=1", 81013, "user & party & tag all invalid");

        Assert.Equal("/cgi-bin/message/send", exception.ApiPath);
        Assert.Equal(81013, exception.Errcode);
        Assert.Equal("user & party & tag all invalid", exception.Errmsg);
        Assert.Equal("WeChat API /cgi-bin/message/send answered errcode 81013: user & party & tag all invalid", exception.Message);
        Assert.DoesNotContain("SECRET-CORP-TOKEN", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(40014)]
    [InlineData(42001)]
    [InlineData(40082)]
    [InlineData(42009)]
    public void Token_refusals_are_recognised(int errcode)
    {
        Assert.True(new WechatApiException("/cgi-bin/user/info", errcode, "invalid credential").IsAccessTokenRejected);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(45009)]
    [InlineData(48001)]
    [InlineData(61023)]
    [InlineData(81013)]
    public void Other_errors_are_not_token_refusals(int errcode)
    {
        Assert.False(new WechatApiException("/cgi-bin/user/info", errcode, "error").IsAccessTokenRejected);
    }
}
