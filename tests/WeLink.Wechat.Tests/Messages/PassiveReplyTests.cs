using WeLink.Wechat.Crypto;
using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Tests.Messages;

public sealed class PassiveReplyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1713430000);

    [Fact]
    public void A_text_reply_has_the_official_fields()
    {
        var xml = PassiveReply.Text("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "gh_97417a04a28d", Now, "已收到您的预约\n我们会尽快联系您");

        Assert.Equal(
            "<xml><ToUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName><CreateTime>1713430000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[已收到您的预约\n我们会尽快联系您]]></Content></xml>",
            xml);
    }

    [Fact]
    public void Cdata_terminators_in_content_cannot_break_out_of_the_element()
    {
        var xml = PassiveReply.Text("o1", "gh_1", Now, "a]]><MsgType>news</MsgType>b");

        var payload = PayloadReader.ReadXml(xml);
        Assert.Equal("a]]><MsgType>news</MsgType>b", payload.Text("Content"));
        Assert.Equal("text", payload.Text("MsgType"));
    }

    [Fact]
    public void A_news_reply_carries_one_article()
    {
        var xml = PassiveReply.News("o1", "gh_1", Now, new NewsArticle("会员卡", "点击领取", "https://dealer.example/card.png", "https://dealer.example/card"));

        var payload = PayloadReader.ReadXml(xml);
        Assert.Equal("news", payload.Text("MsgType"));
        Assert.Equal("1", payload.Text("ArticleCount"));
        var item = Assert.Single(payload.Child("Articles")!.ChildrenNamed("item"));
        Assert.Equal("会员卡", item.Text("Title"));
        Assert.Equal("点击领取", item.Text("Description"));
        Assert.Equal("https://dealer.example/card.png", item.Text("PicUrl"));
        Assert.Equal("https://dealer.example/card", item.Text("Url"));
    }

    [Fact]
    public void A_template_card_button_update_renames_the_button()
    {
        var xml = PassiveReply.TemplateCardButtonUpdate("zhangsan", "wxf8b4f85f3a794e77", Now, "已接单");

        var payload = PayloadReader.ReadXml(xml);
        Assert.Equal("update_button", payload.Text("MsgType"));
        Assert.Equal("已接单", payload.Child("Button")!.Text("ReplaceName"));
        Assert.Equal("zhangsan", payload.Text("ToUserName"));
    }

    [Fact]
    public void Success_is_the_plain_word()
    {
        Assert.Equal("success", PassiveReply.Success);
    }

    [Fact]
    public void A_reply_encrypted_for_the_component_decrypts_back()
    {
        var crypt = new WxBizMsgCrypt("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var reply = PassiveReply.Text("o1", "gh_1", Now, "TESTCOMPONENT_MSG_TYPE_TEXT_callback");

        var envelope = CallbackEnvelope.ParseXml(crypt.BuildEncryptedReplyXml(reply, "wx134c8103faa5a59e", "1713430000", "415670741"));

        Assert.Equal(reply, crypt.Decrypt(envelope.Encrypt, ["wx134c8103faa5a59e"]).Message);
    }
}
