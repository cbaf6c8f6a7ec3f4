namespace WeLink.Wechat.Messages;

/// <summary>Maps the WeCom suite's InfoType instructions.</summary>
internal static class SuiteInstructionMapper
{
    public static SuiteInstruction? TryMap(PayloadNode root)
    {
        SuiteInstruction? instruction = root.Text("InfoType") switch
        {
            "suite_ticket" => new SuiteTicketPush { SuiteTicket = root.RequiredText("SuiteTicket") },
            "create_auth" => new CreateAuthInstruction
            {
                AuthCode = root.RequiredText("AuthCode"),
                State = root.NonEmptyText("State"),
            },
            "reset_permanent_code" => new ResetPermanentCodeInstruction { AuthCode = root.RequiredText("AuthCode") },
            "change_auth" => new ChangeAuthInstruction
            {
                AuthCorpId = root.RequiredText("AuthCorpId"),
                State = root.NonEmptyText("State"),
            },
            "cancel_auth" => new CancelAuthInstruction { AuthCorpId = root.RequiredText("AuthCorpId") },
            "change_contact" => ChangeContact(root),
            "change_external_contact" => new ChangeExternalContactInstruction
            {
                AuthCorpId = root.RequiredText("AuthCorpId"),
                ChangeType = root.RequiredText("ChangeType"),
                UserId = root.NonEmptyText("UserID"),
                ExternalUserId = root.NonEmptyText("ExternalUserID"),
                State = root.NonEmptyText("State"),
                WelcomeCode = root.NonEmptyText("WelcomeCode"),
                FailReason = root.NonEmptyText("FailReason"),
            },
            _ => null,
        };
        return instruction is null ? null : instruction with { SuiteId = root.RequiredText("SuiteId") };
    }

    private static ChangeContactInstruction ChangeContact(PayloadNode root)
    {
        var changeType = root.RequiredText("ChangeType");
        return new ChangeContactInstruction
        {
            AuthCorpId = root.RequiredText("AuthCorpId"),
            ChangeType = changeType,
            Member = changeType.EndsWith("_user", StringComparison.Ordinal) ? Member(root) : null,
            Department = changeType.EndsWith("_party", StringComparison.Ordinal)
                ? new ContactDepartmentChange(
                    root.RequiredText("Id"), root.NonEmptyText("Name"), root.NonEmptyText("ParentId"), root.NonEmptyText("Order"))
                : null,
            Tag = changeType == "update_tag"
                ? new ContactTagChange(
                    root.RequiredText("TagId"),
                    PayloadValues.CommaList(root.Text("AddUserItems")),
                    PayloadValues.CommaList(root.Text("DelUserItems")),
                    PayloadValues.CommaList(root.Text("AddPartyItems")),
                    PayloadValues.CommaList(root.Text("DelPartyItems")))
                : null,
        };
    }

    private static ContactMemberChange Member(PayloadNode root) => new()
    {
        UserId = root.RequiredText("UserID"),
        OpenUserId = root.NonEmptyText("OpenUserID"),
        NewUserId = root.NonEmptyText("NewUserID"),
        Name = root.NonEmptyText("Name"),
        Departments = PayloadValues.CommaList(root.Text("Department")),
        MainDepartment = root.NonEmptyText("MainDepartment"),
        Position = root.NonEmptyText("Position"),
        Mobile = root.NonEmptyText("Mobile"),
        Email = root.NonEmptyText("Email"),
        Gender = root.NonEmptyText("Gender"),
        Status = root.NonEmptyText("Status"),
        Alias = root.NonEmptyText("Alias"),
    };
}
