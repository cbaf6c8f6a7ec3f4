using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Tests.Messages;

public sealed class UserMessageParsingTests
{
    private const string Account = "gh_97417a04a28d";
    private const string Follower = "o9AgO5Kd5ggOC-bXrbNODIiE3bGY";

    [Fact]
    public void An_official_account_text_message_is_keyed_by_its_msgid()
    {
        var xml = Event("<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[我想预约试驾]]></Content><MsgId>24563258712345678</MsgId>");

        var text = Assert.IsType<TextMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.Text, text.Kind);
        Assert.Equal("我想预约试驾", text.Content);
        Assert.Equal("24563258712345678", text.MsgId);
        Assert.Equal(Account, text.ToUserName);
        Assert.Equal(Follower, text.FromUserName);
        Assert.Null(text.AgentId);
        Assert.Equal($"msg|{Account}|24563258712345678", text.DeduplicationKey);
    }

    [Fact]
    public void An_image_message_names_its_media_and_is_keyed_by_its_msgid()
    {
        var xml = Event("<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[https://mmbiz.example/pic]]></PicUrl><MediaId><![CDATA[media-42]]></MediaId><MsgId>24563258712345679</MsgId>");

        var image = Assert.IsType<ImageMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.Image, image.Kind);
        Assert.Equal("media-42", image.MediaId);
        Assert.Equal("https://mmbiz.example/pic", image.PicUrl);
        Assert.Equal(Follower, image.FromUserName);
        Assert.Equal($"msg|{Account}|24563258712345679", image.DeduplicationKey);
    }

    [Fact]
    public void A_voice_message_names_its_media_and_format()
    {
        var xml = Event("<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[voice-7]]></MediaId><Format><![CDATA[amr]]></Format><MsgId>24563258712345680</MsgId>");

        var voice = Assert.IsType<VoiceMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.Voice, voice.Kind);
        Assert.Equal("voice-7", voice.MediaId);
        Assert.Equal("amr", voice.Format);
        Assert.Equal("24563258712345680", voice.MsgId);
    }

    [Fact]
    public void An_image_message_without_its_media_id_is_kept_as_unknown()
    {
        var xml = Event("<MsgType><![CDATA[image]]></MsgType><MsgId>24563258712345681</MsgId>");

        Assert.IsType<UnknownMessage>(CallbackMessageParser.Parse(xml));
    }

    [Fact]
    public void A_wecom_text_message_carries_the_agent()
    {
        const string xml = "<xml><ToUserName><![CDATA[wxf8b4f85f3a794e77]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1713426000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到]]></Content><MsgId>7312345678901234567</MsgId><AgentID>1000002</AgentID></xml>";

        var text = Assert.IsType<TextMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal("1000002", text.AgentId);
        Assert.Equal("zhangsan", text.FromUserName);
    }

    [Fact]
    public void Scan_to_follow_exposes_the_qr_scene()
    {
        var xml = Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_dealer-42]]></EventKey><Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRwOi8v]]></Ticket>");

        var subscribe = Assert.IsType<SubscribeEvent>(CallbackMessageParser.Parse(xml));

        Assert.Equal("dealer-42", subscribe.SceneValue);
        Assert.Equal("gQH47joAAAAAAAAAASxodHRwOi8v", subscribe.Ticket);
        Assert.Equal($"event|{Account}|{Follower}|1713426100|subscribe|qrscene_dealer-42|", subscribe.DeduplicationKey);
    }

    [Fact]
    public void A_plain_follow_has_no_scene()
    {
        var xml = Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[]]></EventKey>");

        var subscribe = Assert.IsType<SubscribeEvent>(CallbackMessageParser.Parse(xml));

        Assert.Null(subscribe.EventKey);
        Assert.Null(subscribe.SceneValue);
    }

    [Fact]
    public void Unsubscribe_is_parsed()
    {
        var message = CallbackMessageParser.Parse(Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event>"));

        Assert.Equal(CallbackMessageKind.Unsubscribe, Assert.IsType<UnsubscribeEvent>(message).Kind);
    }

    [Fact]
    public void Scan_by_an_existing_follower_carries_the_bare_scene()
    {
        var xml = Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[SCAN]]></Event><EventKey><![CDATA[dealer-42]]></EventKey><Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRwOi8v]]></Ticket>");

        var scan = Assert.IsType<ScanEvent>(CallbackMessageParser.Parse(xml));

        Assert.Equal("dealer-42", scan.EventKey);
    }

    [Fact]
    public void Menu_click_and_view_are_parsed_in_either_case()
    {
        var click = CallbackMessageParser.Parse(Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[MEMBER_CARD]]></EventKey>"));
        var view = CallbackMessageParser.Parse(Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[view]]></Event><EventKey><![CDATA[https://dealer.example/booking]]></EventKey><MenuId>412</MenuId>"));

        Assert.Equal("MEMBER_CARD", Assert.IsType<MenuClickEvent>(click).EventKey);
        var opened = Assert.IsType<MenuViewEvent>(view);
        Assert.Equal("https://dealer.example/booking", opened.EventKey);
        Assert.Equal("412", opened.MenuId);
    }

    [Fact]
    public void Template_send_job_finish_reads_msg_id_and_status()
    {
        var xml = Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status>");

        var finished = Assert.IsType<TemplateSendJobFinishEvent>(CallbackMessageParser.Parse(xml));

        Assert.Equal("200163836", finished.MsgId);
        Assert.Equal("failed:user block", finished.Status);
        Assert.StartsWith("event|", finished.DeduplicationKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_send_job_reports_to_one_follower_in_one_second_are_two_events_and_a_retried_report_is_one()
    {
        static string Report(string msgId) =>
            Event($"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>{msgId}</MsgID><Status><![CDATA[success]]></Status>");

        var first = CallbackMessageParser.Parse(Report("200163836")).DeduplicationKey;

        Assert.NotEqual(first, CallbackMessageParser.Parse(Report("200163837")).DeduplicationKey);
        Assert.Equal(first, CallbackMessageParser.Parse(Report("200163836")).DeduplicationKey);
        Assert.EndsWith("|200163836", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscribe_message_popup_lists_every_template()
    {
        var xml = Event("""
            <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_popup_event]]></Event>
            <SubscribeMsgPopupEvent>
              <List><TemplateId><![CDATA[VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List>
              <List><TemplateId><![CDATA[9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString><PopupScene>2</PopupScene></List>
            </SubscribeMsgPopupEvent>
            """);

        var popup = Assert.IsType<SubscribeMessageEvent>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.SubscribeMessagePopup, popup.Kind);
        Assert.Equal(2, popup.Items.Count);
        Assert.Equal(new SubscribeMessageItem("VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", "accept", "2", null, null, null), popup.Items[0]);
        Assert.Equal("reject", popup.Items[1].SubscribeStatus);
    }

    [Fact]
    public void Subscribe_message_change_and_sent_events_are_parsed()
    {
        var change = CallbackMessageParser.Parse(Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_change_event]]></Event><SubscribeMsgChangeEvent><List><TemplateId><![CDATA[VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString></List></SubscribeMsgChangeEvent>"));
        var sent = CallbackMessageParser.Parse(Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_sent_event]]></Event><SubscribeMsgSentEvent><List><TemplateId><![CDATA[VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc]]></TemplateId><MsgID>1700827132819554304</MsgID><ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List></SubscribeMsgSentEvent>"));

        var changed = Assert.IsType<SubscribeMessageEvent>(change);
        Assert.Equal(CallbackMessageKind.SubscribeMessageChange, changed.Kind);
        Assert.Equal("reject", Assert.Single(changed.Items).SubscribeStatus);
        var delivered = Assert.IsType<SubscribeMessageEvent>(sent);
        Assert.Equal(CallbackMessageKind.SubscribeMessageSent, delivered.Kind);
        Assert.Equal(
            new SubscribeMessageItem("VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", null, null, "1700827132819554304", "0", "success"),
            Assert.Single(delivered.Items));
    }

    [Fact]
    public void A_change_event_in_the_popup_events_container_is_read_as_the_rejection_it_reports()
    {
        var change = CallbackMessageParser.Parse(Event("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_change_event]]></Event><SubscribeMsgPopupEvent><List><TemplateId><![CDATA[tmpl-1]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString></List></SubscribeMsgPopupEvent>"));

        var changed = Assert.IsType<SubscribeMessageEvent>(change);
        Assert.Equal(CallbackMessageKind.SubscribeMessageChange, changed.Kind);
        Assert.Equal(("tmpl-1", "reject"), (Assert.Single(changed.Items).TemplateId, changed.Items[0].SubscribeStatus));
    }

    [Fact]
    public void Two_delivery_reports_in_one_second_are_two_events_and_a_retried_report_is_the_same_one()
    {
        static string Report(string msgId) => Event($"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_sent_event]]></Event><SubscribeMsgSentEvent><List><TemplateId><![CDATA[tmpl-1]]></TemplateId><MsgID>{msgId}</MsgID><ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List></SubscribeMsgSentEvent>");

        var first = CallbackMessageParser.Parse(Report("1700827132819554304"));
        var second = CallbackMessageParser.Parse(Report("1700827132819554305"));
        var retried = CallbackMessageParser.Parse(Report("1700827132819554304"));

        Assert.NotEqual(first.DeduplicationKey, second.DeduplicationKey);
        Assert.Equal(first.DeduplicationKey, retried.DeduplicationKey);
    }

    [Theory]
    [InlineData("OptionIds", "OptionId")]
    [InlineData("OpitonIds", "OpitonId")]
    public void Template_card_event_reads_selections_in_either_spelling(string container, string element)
    {
        var xml = $"""
            <xml><ToUserName><![CDATA[wxf8b4f85f3a794e77]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>
            <CreateTime>1713427000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>
            <EventKey><![CDATA[accept]]></EventKey><TaskId><![CDATA[case-1842-assign]]></TaskId><CardType><![CDATA[vote_interaction]]></CardType>
            <ResponseCode><![CDATA[allow_update_card_RC_1]]></ResponseCode><AgentID>1000002</AgentID>
            <SelectedItems><SelectedItem><QuestionKey><![CDATA[satisfaction]]></QuestionKey>
            <{container}><{element}><![CDATA[good]]></{element}><{element}><![CDATA[fast]]></{element}></{container}>
            </SelectedItem></SelectedItems></xml>
            """;

        var card = Assert.IsType<TemplateCardEvent>(CallbackMessageParser.Parse(xml));

        Assert.Equal("accept", card.EventKey);
        Assert.Equal("case-1842-assign", card.TaskId);
        Assert.Equal("vote_interaction", card.CardType);
        Assert.Equal("allow_update_card_RC_1", card.ResponseCode);
        Assert.Equal("1000002", card.AgentId);
        var selection = Assert.Single(card.SelectedItems);
        Assert.Equal("satisfaction", selection.QuestionKey);
        Assert.Equal(["good", "fast"], selection.OptionIds);
        Assert.Equal("event|wxf8b4f85f3a794e77|zhangsan|1713427000|template_card_event|accept|case-1842-assign", card.DeduplicationKey);
    }

    [Fact]
    public void A_button_card_event_without_selections_has_an_empty_list()
    {
        const string xml = "<xml><ToUserName><![CDATA[wxf8b4f85f3a794e77]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1713427000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[reject]]></EventKey><TaskId><![CDATA[case-1842-assign]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[RC_2]]></ResponseCode><AgentID>1000002</AgentID></xml>";

        var card = Assert.IsType<TemplateCardEvent>(CallbackMessageParser.Parse(xml));

        Assert.Empty(card.SelectedItems);
    }

    [Fact]
    public void Enter_agent_is_parsed()
    {
        const string xml = "<xml><ToUserName><![CDATA[wxf8b4f85f3a794e77]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1713427100</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1000002</AgentID></xml>";

        var entered = Assert.IsType<EnterAgentEvent>(CallbackMessageParser.Parse(xml));

        Assert.Equal("lisi", entered.FromUserName);
        Assert.Null(entered.EventKey);
    }

    private static string Event(string body) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName><CreateTime>1713426100</CreateTime>{body}</xml>";
}
