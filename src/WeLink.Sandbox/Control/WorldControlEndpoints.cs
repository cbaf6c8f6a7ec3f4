using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Faults;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Wecom;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Control;

/// <summary>Creates owners, accounts, consumers, corps and staff, and resets the sandbox.</summary>
public static class WorldControlEndpoints
{
    public static RouteGroupBuilder MapWorldControlEndpoints(this RouteGroupBuilder control)
    {
        var world = control.MapGroup("/world");
        world.MapPost("/owners", AddOwnerAsync).Accepts<OwnerRequest>("application/json");
        world.MapPost("/accounts", AddAccountAsync).Accepts<AccountRequest>("application/json");
        world.MapPost("/consumers", AddConsumerAsync).Accepts<ConsumerRequest>("application/json");
        world.MapPost("/corps", AddCorpAsync).Accepts<CorpRequest>("application/json");
        world.MapPost("/corps/{corpid}/staff", AddStaffAsync).Accepts<StaffRequest>("application/json");
        world.MapPost("/corps/{corpid}/external-contacts", AddExternalContactAsync).Accepts<ExternalContactRequest>("application/json");
        control.MapPost("/reset", Reset);
        return control;
    }

    public static async Task<Results<JsonHttpResult<Owner>, JsonHttpResult<ControlProblem>>> AddOwnerAsync(
        HttpRequest request, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.OwnerRequest, cancellationToken);
        return body is null ? ControlEndpoints.Problem("Send {\"name\"}.") : TypedResults.Json(world.AddOwner(body.Name), ControlJsonContext.Default.Owner);
    }

    public static async Task<Results<JsonHttpResult<OfficialAccount>, JsonHttpResult<ControlProblem>>> AddAccountAsync(
        HttpRequest request, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.AccountRequest, cancellationToken);
        if (body is null || !Enum.TryParse<AccountKind>(body.Kind, ignoreCase: true, out var kind))
        {
            return ControlEndpoints.Problem(
                "Send {\"owner_id\", \"nickname\", \"kind\": ServiceAccount|SubscriptionAccount|MiniProgram, \"verified\", \"templates\": [titles], \"bound\"?}.");
        }

        var account = world.AddAccount(
            body.OwnerId, body.Nickname, kind, body.Verified, Templates(body.Templates), Templates(body.SubscribeTemplates), boundToOwner: body.Bound);
        return TypedResults.Json(account, ControlJsonContext.Default.OfficialAccount);
    }

    public static async Task<Results<JsonHttpResult<Consumer>, JsonHttpResult<ControlProblem>>> AddConsumerAsync(
        HttpRequest request, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.ConsumerRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"nickname\", \"phone\"?}.")
            : TypedResults.Json(world.AddConsumer(body.Nickname, body.Phone), ControlJsonContext.Default.Consumer);
    }

    public static async Task<Results<JsonHttpResult<WecomCorp>, JsonHttpResult<ControlProblem>>> AddCorpAsync(
        HttpRequest request, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.CorpRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"name\", \"departments\": [names]}.")
            : TypedResults.Json(world.AddCorp(body.Name, body.Departments ?? [], body.OwnerId), ControlJsonContext.Default.WecomCorp);
    }

    public static async Task<Results<JsonHttpResult<StaffMember>, JsonHttpResult<ControlProblem>>> AddStaffAsync(
        string corpid, HttpRequest request, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.StaffRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"name\", \"department_id\", \"position\", \"mobile\"}.")
            : TypedResults.Json(
                world.AddStaff(corpid, body.Name, body.DepartmentId, body.Position ?? "", body.Mobile ?? ""),
                ControlJsonContext.Default.StaffMember);
    }

    public static async Task<Results<JsonHttpResult<ExternalContact>, JsonHttpResult<ControlProblem>>> AddExternalContactAsync(
        string corpid, HttpRequest request, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.ExternalContactRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"consumer_id\", \"userid\"}.")
            : TypedResults.Json(world.AddExternalContact(corpid, body.ConsumerId, body.Userid), ControlJsonContext.Default.ExternalContact);
    }

    /// <summary>Forgets everything (and re-seeds when Seed is on); sandbox time keeps its offset since time never goes back.</summary>
    public static NoContent Reset(
        SandboxWorld world,
        SandboxCredentials credentials,
        PushLog pushes,
        MessageLog messages,
        FaultBook faults,
        QuotaBook quotas,
        ClientBridgeBook clients,
        IOptions<SandboxOptions> options)
    {
        clients.Clear();
        world.Clear();
        credentials.Clear();
        pushes.Clear();
        messages.Clear();
        faults.Clear();
        quotas.Clear();
        if (options.Value.Seed)
        {
            WorldSeeder.Seed(world);
        }

        return TypedResults.NoContent();
    }

    private static MessageTemplate[] Templates(IReadOnlyList<string>? titles) =>
        [.. (titles ?? []).Select(title => new MessageTemplate(OpaqueIds.Secret(43), title))];
}
