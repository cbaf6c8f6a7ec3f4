using WeLink.Wechat.OfficialAccount;

namespace WeLink.Wechat.Tests.Clients;

public sealed class QrSceneTests
{
    [Fact]
    public void Dealer_and_staff_scenes_are_written_d_and_s_colon_id()
    {
        Assert.Equal("d:42", QrScene.Dealer("42").ToString());
        Assert.Equal("s:0c3f6a1e-staff", QrScene.Staff("0c3f6a1e-staff").ToString());
    }

    [Theory]
    [InlineData("d:42", QrSceneKind.Dealer, "42")]
    [InlineData("s:7", QrSceneKind.Staff, "7")]
    [InlineData("qrscene_d:42", QrSceneKind.Dealer, "42")]
    [InlineData("qrscene_s:a:b", QrSceneKind.Staff, "a:b")]
    public void A_scene_string_or_scan_EventKey_is_read_back(string eventKey, QrSceneKind kind, string id)
    {
        Assert.True(QrScene.TryParse(eventKey, out var scene));
        Assert.Equal(kind, scene.Kind);
        Assert.Equal(id, scene.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d:")]
    [InlineData("x:42")]
    [InlineData("d42")]
    [InlineData("d: 42")]
    [InlineData("123")]
    public void Anything_WeLink_did_not_issue_is_not_a_scene(string? eventKey)
    {
        Assert.False(QrScene.TryParse(eventKey, out _));
    }

    [Fact]
    public void An_id_too_long_for_the_64_characters_WeChat_allows_is_refused()
    {
        Assert.Equal("d:" + new string('9', 62), QrScene.Dealer(new string('9', 62)).ToString());
        Assert.Throws<ArgumentException>(() => QrScene.Dealer(new string('9', 63)));
        Assert.Throws<ArgumentException>(() => QrScene.Staff(""));
    }
}
