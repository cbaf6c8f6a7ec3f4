using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Complaints;
using WeLink.Server.Conversations;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Members;
using WeLink.Server.Uploads;
using WeLink.Server.Uploads.Contracts;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// A consumer row of one dealer (a member of the brand through its account), the complaint they filed (a case of the shipped complaint definition) and its photo, and
/// their conversation with the dealer, opened by a picture they sent (kept, as if fetched from WeChat).
/// </summary>
public sealed record MatrixConsumer(Guid Id, Guid BrandId, Guid DealerId, Guid ComplaintId, Guid PhotoId, Guid ConversationId, Guid PictureMessageId, Guid MemberId);

/// <summary>
/// The people of a <see cref="TenancyWorld"/> who are not admins: a consumer with a complaint at each of A1, A2 and B1, a
/// second consumer of A1 with one of their own, and a staff member of A1 for every staff role, seeded through the
/// product's stores as sign-in, follows and WeCom sync write them; complaints are started through the case engine and the complaint store.
/// </summary>
public sealed record TenantPeople(
    MatrixConsumer A1Consumer,
    MatrixConsumer A1Neighbour,
    MatrixConsumer A2Consumer,
    MatrixConsumer B1Consumer,
    IReadOnlyDictionary<string, Guid> A1StaffByRole)
{
    public static async Task<TenantPeople> SeedAsync(TenancyWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var a1 = await ConsumerAsync(world, world.A1.BrandId, world.A1.Id);
        var neighbour = await ConsumerAsync(world, world.A1.BrandId, world.A1.Id);
        var a2 = await ConsumerAsync(world, world.A2.BrandId, world.A2.Id);
        var b1 = await ConsumerAsync(world, world.B1.BrandId, world.B1.Id);
        var staff = new Dictionary<string, Guid>();
        foreach (var role in StaffRoles.All)
        {
            staff[role] = await world.StaffOfAsync(world.A1.Id, role);
        }

        return new TenantPeople(a1, neighbour, a2, b1, staff);
    }

    /// <summary>
    /// A new consumer of the dealer with an open complaint of their own, for a row that must not share a case with others;
    /// the complaint carries a photo the consumer uploaded, attached as filing attaches it. Signing in made the consumer a
    /// (not yet joined) member of the brand, as every consumer write does.
    /// </summary>
    public static async Task<MatrixConsumer> ConsumerAsync(TenancyWorld world, Guid brandId, Guid dealerId)
    {
        ArgumentNullException.ThrowIfNull(world);
        var services = world.Admin.Host.Services;
        var openId = world.Unique("openid");
        var consumerId = (await Seed.In(services).ConsumerAsync(dealerId, openId, "wxmatrix")).Id;
        var photoId = await PhotoAsync(services, consumerId, dealerId);
        var data = new JsonObject { ["category"] = "Service", ["description"] = "Matrix complaint", ["severity"] = "normal", ["vehicle"] = null };
        var started = await services.GetRequiredService<CaseEngine>().StartAsync(
            new StartCase(
                ComplaintDefinition.Key, brandId, dealerId, consumerId.ToString(), data, $"consumer:{consumerId:N}:matrix", Actor.Consumer(consumerId.ToString()),
                FeatureWrite: @case => ComplaintStore.Filed(new ComplaintRow
                {
                    CaseId = @case.CaseId,
                    BrandId = brandId,
                    DealerId = dealerId,
                    ConsumerId = consumerId,
                    Category = "Service",
                    Severity = "normal",
                    CreatedAt = @case.At,
                }).And(services.GetRequiredService<ICasePhotos>().Attach(@case, consumerId, dealerId, [photoId]))),
            CancellationToken.None);
        var caseId = Assert.IsType<CaseMoved>(started).CaseId;
        var picture = await services.GetRequiredService<ConversationStore>().RecordInboundAsync(
            new AccountWriter(consumerId, brandId, dealerId, "wxmatrix", openId),
            new InboundMessage($"matrix:{openId}", MessageKind.Image, null, "matrix-media", DateTimeOffset.UtcNow),
            CancellationToken.None);
        await services.GetRequiredService<ConversationMedia>().KeepAsync(picture!.MessageId, new MediaFile(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png"), CancellationToken.None);
        var member = await MemberSeed.MemberOfConsumerAsync(world, consumerId);
        return new MatrixConsumer(consumerId, brandId, dealerId, caseId, photoId, picture.Conversation.Id, picture.MessageId, member);
    }

    private static async Task<Guid> PhotoAsync(IServiceProvider services, Guid consumerId, Guid dealerId)
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        var photo = new UploadRow
        {
            Id = Guid.CreateVersion7(),
            ConsumerId = consumerId,
            DealerId = dealerId,
            ContentType = "image/jpeg",
            SizeBytes = jpeg.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(jpeg)),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await services.GetRequiredService<IUploadStorage>().SaveAsync(photo.Id, jpeg, CancellationToken.None);
        await services.GetRequiredService<UploadStore>().InsertAsync(photo, CancellationToken.None);
        return photo.Id;
    }
}
