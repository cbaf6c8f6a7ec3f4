using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Tests.Messages;

public sealed class SuiteInstructionParsingTests
{
    [Fact]
    public void Suite_ticket_values_are_trimmed_including_the_stray_space_in_info_type()
    {
        const string xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><InfoType> <![CDATA[suite_ticket]]></InfoType><TimeStamp>1713424427</TimeStamp><SuiteTicket><![CDATA[ 3Nmd9Xk_jL2yEdLh_tKq ]]></SuiteTicket></xml>";

        var push = Assert.IsType<SuiteTicketPush>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.SuiteTicket, push.Kind);
        Assert.Equal("ww4asffe99e54c0f4c", push.SuiteId);
        Assert.Equal("3Nmd9Xk_jL2yEdLh_tKq", push.SuiteTicket);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1713424427), push.CreateTime);
    }

    [Fact]
    public void Create_auth_carries_the_temporary_auth_code_and_state()
    {
        const string xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><AuthCode><![CDATA[AUTHCODE_3o3b_xyz]]></AuthCode><InfoType><![CDATA[create_auth]]></InfoType><TimeStamp>1713424500</TimeStamp><State><![CDATA[dealer-42]]></State></xml>";

        var instruction = Assert.IsType<CreateAuthInstruction>(CallbackMessageParser.Parse(xml));

        Assert.Equal("AUTHCODE_3o3b_xyz", instruction.AuthCode);
        Assert.Equal("dealer-42", instruction.State);
        Assert.Equal("info|create_auth|1713424500|ww4asffe99e54c0f4c||AUTHCODE_3o3b_xyz|||||", instruction.DeduplicationKey);
    }

    [Fact]
    public void Change_and_cancel_auth_name_the_corp()
    {
        const string change = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><InfoType><![CDATA[change_auth]]></InfoType><TimeStamp>1713424600</TimeStamp><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId></xml>";
        const string cancel = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><InfoType><![CDATA[cancel_auth]]></InfoType><TimeStamp>1713424700</TimeStamp><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId></xml>";

        var changed = Assert.IsType<ChangeAuthInstruction>(CallbackMessageParser.Parse(change));
        var cancelled = Assert.IsType<CancelAuthInstruction>(CallbackMessageParser.Parse(cancel));

        Assert.Equal("wxf8b4f85f3a794e77", changed.AuthCorpId);
        Assert.Equal(CallbackMessageKind.CancelAuth, cancelled.Kind);
        Assert.Equal("wxf8b4f85f3a794e77", cancelled.AuthCorpId);
        Assert.NotEqual(changed.DeduplicationKey, cancelled.DeduplicationKey);
    }

    [Fact]
    public void Reset_permanent_code_carries_the_auth_code()
    {
        const string xml = "<xml><SuiteId><![CDATA[dk3c1f0e8a2b]]></SuiteId><AuthCode><![CDATA[RESETCODE_1]]></AuthCode><InfoType><![CDATA[reset_permanent_code]]></InfoType><TimeStamp>1713424800</TimeStamp></xml>";

        var instruction = Assert.IsType<ResetPermanentCodeInstruction>(CallbackMessageParser.Parse(xml));

        Assert.Equal("dk3c1f0e8a2b", instruction.SuiteId);
        Assert.Equal("RESETCODE_1", instruction.AuthCode);
    }

    [Fact]
    public void Change_contact_update_user_maps_the_member_fields()
    {
        const string xml = """
            <xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId>
            <InfoType><![CDATA[change_contact]]></InfoType><TimeStamp>1713425000</TimeStamp>
            <ChangeType><![CDATA[update_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>
            <OpenUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA]]></OpenUserID><NewUserID><![CDATA[zhangsan01]]></NewUserID>
            <Name><![CDATA[张三]]></Name><Department><![CDATA[1,2,3]]></Department><MainDepartment>1</MainDepartment>
            <IsLeaderInDept><![CDATA[1,0,0]]></IsLeaderInDept><Position><![CDATA[销售顾问]]></Position>
            <Gender>1</Gender><Status>1</Status><Alias><![CDATA[Jackson]]></Alias></xml>
            """;

        var instruction = Assert.IsType<ChangeContactInstruction>(CallbackMessageParser.Parse(xml));

        Assert.Equal("update_user", instruction.ChangeType);
        Assert.Equal("wxf8b4f85f3a794e77", instruction.AuthCorpId);
        var member = Assert.IsType<ContactMemberChange>(instruction.Member);
        Assert.Equal("zhangsan", member.UserId);
        Assert.Equal("zhangsan01", member.NewUserId);
        Assert.Equal("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", member.OpenUserId);
        Assert.Equal("张三", member.Name);
        Assert.Equal(["1", "2", "3"], member.Departments);
        Assert.Equal("1", member.MainDepartment);
        Assert.Equal("销售顾问", member.Position);
        Assert.Null(member.Mobile);
        Assert.Null(instruction.Department);
        Assert.Null(instruction.Tag);
        Assert.Equal("info|change_contact|1713425000|ww4asffe99e54c0f4c|wxf8b4f85f3a794e77||update_user|zhangsan|||", instruction.DeduplicationKey);
    }

    [Fact]
    public void Change_contact_create_party_maps_the_department()
    {
        const string xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId><InfoType><![CDATA[change_contact]]></InfoType><TimeStamp>1713425100</TimeStamp><ChangeType><![CDATA[create_party]]></ChangeType><Id>7</Id><Name><![CDATA[售后服务部]]></Name><ParentId><![CDATA[1]]></ParentId><Order>1</Order></xml>";

        var instruction = Assert.IsType<ChangeContactInstruction>(CallbackMessageParser.Parse(xml));

        Assert.Equal(new ContactDepartmentChange("7", "售后服务部", "1", "1"), instruction.Department);
        Assert.Null(instruction.Member);
    }

    [Fact]
    public void Change_contact_update_tag_maps_the_item_lists()
    {
        const string xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId><InfoType><![CDATA[change_contact]]></InfoType><TimeStamp>1713425200</TimeStamp><ChangeType><![CDATA[update_tag]]></ChangeType><TagId>3</TagId><AddUserItems><![CDATA[zhangsan,lisi]]></AddUserItems><DelUserItems><![CDATA[wangwu]]></DelUserItems><AddPartyItems><![CDATA[]]></AddPartyItems><DelPartyItems><![CDATA[4,5]]></DelPartyItems></xml>";

        var tag = Assert.IsType<ChangeContactInstruction>(CallbackMessageParser.Parse(xml)).Tag;

        Assert.NotNull(tag);
        Assert.Equal("3", tag.TagId);
        Assert.Equal(["zhangsan", "lisi"], tag.AddUserItems);
        Assert.Equal(["wangwu"], tag.DelUserItems);
        Assert.Empty(tag.AddPartyItems);
        Assert.Equal(["4", "5"], tag.DelPartyItems);
    }

    [Fact]
    public void Two_contact_changes_in_the_same_second_get_different_keys()
    {
        const string template = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId><InfoType><![CDATA[change_contact]]></InfoType><TimeStamp>1713425000</TimeStamp><ChangeType><![CDATA[delete_user]]></ChangeType><UserID><![CDATA[{0}]]></UserID></xml>";

        var first = CallbackMessageParser.Parse(template.Replace("{0}", "zhangsan", StringComparison.Ordinal));
        var second = CallbackMessageParser.Parse(template.Replace("{0}", "lisi", StringComparison.Ordinal));
        var retry = CallbackMessageParser.Parse(template.Replace("{0}", "zhangsan", StringComparison.Ordinal));

        Assert.NotEqual(first.DeduplicationKey, second.DeduplicationKey);
        Assert.Equal(first.DeduplicationKey, retry.DeduplicationKey);
    }

    [Fact]
    public void Change_external_contact_maps_the_customer_and_welcome_code()
    {
        const string xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId><InfoType><![CDATA[change_external_contact]]></InfoType><TimeStamp>1713425300</TimeStamp><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[wmEAlECwAAHrbWYDOK5u3Af13xlYDDNQ]]></ExternalUserID><State><![CDATA[showroom-qr]]></State><WelcomeCode><![CDATA[WELCOMECODE_9]]></WelcomeCode></xml>";

        var instruction = Assert.IsType<ChangeExternalContactInstruction>(CallbackMessageParser.Parse(xml));

        Assert.Equal("add_external_contact", instruction.ChangeType);
        Assert.Equal("zhangsan", instruction.UserId);
        Assert.Equal("wmEAlECwAAHrbWYDOK5u3Af13xlYDDNQ", instruction.ExternalUserId);
        Assert.Equal("showroom-qr", instruction.State);
        Assert.Equal("WELCOMECODE_9", instruction.WelcomeCode);
        Assert.Null(instruction.FailReason);
    }
}
