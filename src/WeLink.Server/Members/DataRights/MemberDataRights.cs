using System.Data.Common;
using Dapper;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Members.Api;
using WeLink.Server.Members.Consents;
using WeLink.Server.Security;
using WeLink.Server.Shared;

namespace WeLink.Server.Members.DataRights;

/// <summary>
/// A member's rights over their data: a copy of everything WeLink holds about them, and deletion, which anonymises the
/// personal data of the member and every record merged into it (name, phone, profile values, plates and VINs, the
/// identities' openids and unionids) and, through <see cref="MemberErasures"/>, what the other features hold of them.
/// The copy holds their cases at every dealer of the brand, with each move (<see cref="ISubjectCases"/>), and their
/// conversations. Rows stay, so cases, messages and gifts still add up. Each export and the deletion is recorded in
/// <c>member_data_requests</c>.
/// </summary>
public sealed class MemberDataRights(
    IDbConnectionFactory connections, MemberDirectory directory, MemberConsents consents, MemberErasures erasures, ISubjectCases cases,
    IPersonConversations conversations, ISecretProtector protector, TimeProvider time)
{
    public const string Export = "export";
    public const string Deletion = "delete";

    public async Task<MemberDataExport> ExportAsync(MemberRecord member, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = time.GetUtcNow();
        await RecordAsync(member, Export, channel, now, cancellationToken);
        var records = (await directory.RecordIdsAsync(member.Id, cancellationToken)).ToArray();
        var identities = await directory.IdentitiesAsync(member.Id, cancellationToken);
        var memberCases = await cases.ListAsync(member.BrandId, MemberDirectory.CaseSubjects(records, identities), cancellationToken);
        var talks = await conversations.ListAsync(ConsumersOf(identities), null, cancellationToken);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var phone = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT phone_protected FROM members WHERE id = @memberId", new { memberId = member.Id }, cancellationToken: cancellationToken));
        var vehicles = await connection.QueryAsync<ExportedVehicle>(new CommandDefinition(
            $"""
            SELECT model AS Model, plate AS Plate, vin AS Vin, purchased_on AS PurchasedOn, dealer_id AS DealerId, source AS Source, created_at AS CreatedAt
            FROM member_vehicles WHERE {OfRecords("member_id")} ORDER BY created_at
            """,
            new { records },
            cancellationToken: cancellationToken));
        var gifts = await connection.QueryAsync<ExportedGift>(new CommandDefinition(
            $"SELECT points AS Points, requested_at AS RequestedAt, taken_at AS TakenAt FROM member_gifts WHERE {OfRecords("member_id")} ORDER BY requested_at",
            new { records },
            cancellationToken: cancellationToken));
        var requests = await connection.QueryAsync<ExportedDataRequest>(new CommandDefinition(
            $"SELECT kind AS Kind, channel AS Channel, requested_at AS RequestedAt FROM member_data_requests WHERE {OfRecords("member_id")} ORDER BY requested_at",
            new { records },
            cancellationToken: cancellationToken));
        return new MemberDataExport(
            now,
            new ExportedMember(
                member.Id, member.Status, member.MemberNumber, member.Tier, member.Name, phone is null ? null : protector.Unprotect(phone), member.HomeDealerId,
                member.JoinedAt, member.CreatedAt),
            [.. identities.Select(i => new ExportedIdentity(i.Kind, i.Scope, i.Subject, i.DealerId, i.LinkedBy, i.LinkedAt))],
            [.. (await consents.HistoryAsync(member.Id, cancellationToken)).Select(c => new ConsentResponse(
                ConsentPurposes.Code(c.Purpose), ConsentPurposes.Label(c.Purpose), c.Granted, c.TextVersion, c.Channel, c.DecidedAt))],
            await directory.ProfileChangesAsync(member.Id, cancellationToken),
            [.. vehicles],
            [.. gifts],
            [.. memberCases.Select(c => new ExportedCase(
                c.Id, c.DealerId, c.ProcessLabel, c.StateLabel, c.CreatedAt, c.ClosedAt, [.. c.Moves.Select(m => new ExportedCaseMove(m.At, m.ToStateLabel))]))],
            talks,
            [.. requests]);
    }

    /// <summary>
    /// Anonymises the member for good. The request is recorded and the member marked <see cref="MemberStatus.Erasing"/>
    /// first, so a crash part-way leaves a deletion <see cref="ResumeDeletionsJob"/> finishes, never a half-kept person.
    /// </summary>
    public async Task DeleteAsync(MemberRecord member, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = time.GetUtcNow();
        await using (var connection = await connections.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE members SET status = @erasing, updated_at = @now WHERE id = @memberId",
                new { erasing = MemberStatus.Erasing, now, memberId = member.Id },
                transaction,
                cancellationToken: cancellationToken));
            await InsertRequestAsync(connection, transaction, member, Deletion, channel, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await EraseAsync(member.Id, cancellationToken);
    }

    /// <summary>
    /// Erases a member marked <see cref="MemberStatus.Erasing"/>: the other features' data first (each step repeatable,
    /// found through the identities, which still hold the real ids), then, in one transaction, the member's own rows
    /// and the identities. Until that commits, running it again does the whole erasure again.
    /// </summary>
    public async Task EraseAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var records = (await directory.RecordIdsAsync(memberId, cancellationToken)).ToArray();
        var identities = await directory.IdentitiesAsync(memberId, cancellationToken);
        await erasures.EraseAsync(identities, ConsumersOf(identities), cancellationToken);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in (string[])[
            $"""
            UPDATE members SET name = NULL, phone_index = NULL, phone_protected = NULL, phone_masked = NULL, status = @deleted, deleted_at = @now, updated_at = @now
            WHERE {OfRecords("id")}
            """,
            $"UPDATE member_profile_changes SET value = NULL WHERE {OfRecords("member_id")}",
            $"UPDATE member_vehicles SET plate = NULL, vin = NULL WHERE {OfRecords("member_id")}",
        ])
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { now, records, deleted = MemberStatus.Deleted }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var identity in identities)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE member_identities SET subject = @marker WHERE id = @identityId",
                new { marker = Anonymised.Marker(identity.Id), identityId = identity.Id },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Members marked <see cref="MemberStatus.Erasing"/> and untouched since <paramref name="before"/>: deletions a crash stopped.</summary>
    public async Task<IReadOnlyList<Guid>> InterruptedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM members WHERE status = @erasing AND updated_at < @before",
            new { erasing = MemberStatus.Erasing, before },
            cancellationToken: cancellationToken))];
    }

    private static Guid[] ConsumersOf(IEnumerable<MemberIdentityRow> identities) => [.. identities.Select(i => i.ConsumerId).OfType<Guid>().Distinct()];

    /// <summary>The column is one of <c>@records</c> (the member and every record merged into it).</summary>
    private string OfRecords(string column) => connections.Dialect.IsIn(column, "@records");

    private async Task RecordAsync(MemberRecord member, string kind, string channel, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await InsertRequestAsync(connection, null, member, kind, channel, at, cancellationToken);
    }

    private static Task<int> InsertRequestAsync(
        DbConnection connection, DbTransaction? transaction, MemberRecord member, string kind, string channel, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO member_data_requests (id, brand_id, member_id, kind, channel, requested_at)
            VALUES (@requestId, @brandId, @memberId, @kind, @channel, @at)
            """,
            new { requestId = Guid.CreateVersion7(at), brandId = member.BrandId, memberId = member.Id, kind, channel, at },
            transaction,
            cancellationToken: cancellationToken));
}
