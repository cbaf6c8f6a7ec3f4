namespace WeLink.Sandbox.World;

/// <summary>The demo world: one car brand's dealer accounts, two dealer corps and a few consumers.</summary>
public static class WorldSeeder
{
    public static void Seed(SandboxWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var owner = world.AddOwner("Aurora Motors");
        MessageTemplate[] templates =
        [
            new(OpaqueIds.Secret(43), "Service appointment reminder", "{{first.DATA}}\n预约项目：{{keyword1.DATA}}\n预约时间：{{keyword2.DATA}}\n{{remark.DATA}}"),
            new(
                OpaqueIds.Secret(43),
                "Complaint progress update",
                "{{first.DATA}}\n投诉主题：{{keyword1.DATA}}\n处理状态：{{keyword2.DATA}}\n更新时间：{{keyword3.DATA}}\n{{remark.DATA}}"),
        ];
        MessageTemplate[] subscribeTemplates =
            [new(OpaqueIds.Secret(43), "Test-drive booking confirmed", "试驾车型：{{thing1.DATA}}\n试驾时间：{{time2.DATA}}\n温馨提示：{{thing3.DATA}}")];
        world.AddAccount(owner.Id, "Aurora Motors Beijing Dealer", AccountKind.ServiceAccount, verified: true, templates, subscribeTemplates);
        world.AddAccount(owner.Id, "Aurora Motors Shanghai Dealer", AccountKind.ServiceAccount, verified: false);
        world.AddAccount(owner.Id, "Aurora Motors News", AccountKind.SubscriptionAccount, verified: true);
        world.AddAccount(owner.Id, "Aurora Motors Club", AccountKind.MiniProgram, verified: true);

        var beijing = world.AddCorp("Aurora Beijing Dealer", ["Sales", "After-sales", "Customer care"], owner.Id);
        var salesLead = world.AddStaff(beijing.CorpId, "Chen Jie", 2, "Sales manager", "13800000001");
        world.AddStaff(beijing.CorpId, "Liu Yang", 2, "Sales consultant", "13800000002");
        world.AddStaff(beijing.CorpId, "Zhao Lei", 3, "Service advisor", "13800000003");
        world.AddStaff(beijing.CorpId, "Sun Li", 4, "Customer care lead", "13800000004");

        var shanghai = world.AddCorp("Aurora Shanghai Dealer", ["Sales", "After-sales"], owner.Id);
        world.AddStaff(shanghai.CorpId, "Zhou Min", 2, "Sales manager", "13900000001");
        world.AddStaff(shanghai.CorpId, "Wu Hao", 3, "Service advisor", "13900000002");

        var first = world.AddConsumer("Li Wei");
        world.AddConsumer("Wang Fang");
        world.AddConsumer("Zhang Min");
        world.AddExternalContact(beijing.CorpId, first.Id, salesLead.UserId);
    }
}
