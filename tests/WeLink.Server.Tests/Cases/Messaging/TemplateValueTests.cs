using WeLink.Server.Cases.Messaging;

namespace WeLink.Server.Tests.Cases.Messaging;

public sealed class TemplateValueTests
{
    [Theory]
    [InlineData("thing1", "服务态度", "服务态度")]
    [InlineData("thing5", "请补充投诉的详细情况：时间、地点、车辆和经过。", "请补充投诉的详细情况：时间、地点、车辆…")]
    [InlineData("phrase2", "处理中", "处理中")]
    [InlineData("phrase2", "等待您补充信息", "等待您补…")]
    [InlineData("time3", "2026-12-04 23:45", "2026-12-04 23:45")]
    [InlineData("thing4", "第一行\n第二行", "第一行 第二行")]
    public void A_value_is_cut_to_its_keywords_limit_with_an_ellipsis(string key, string value, string sent) =>
        Assert.Equal(sent, TemplateValue.Fit(key, value));

    [Fact]
    public void An_emoji_is_never_cut_in_half()
    {
        var sent = TemplateValue.Fit("phrase1", "好好好好😀😀");

        Assert.Equal("好好好好…", sent);
        Assert.Equal("好好好😀…", TemplateValue.Fit("phrase1", "好好好😀😀😀"));
    }
}
