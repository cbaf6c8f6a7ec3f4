using System.Data.Common;
using System.Text.Json;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Members.Phones;
using WeLink.Server.Security;

namespace WeLink.Server.Members.Merging;

/// <summary>
/// Two records of one person become one: every member-owned row of the merged record moves to the kept one, which also
/// takes the phone and name it lacked; the merged record stays, marked merged into the kept one. The moved rows are
/// listed in <c>member_merges</c>, so an admin's undo moves exactly those back. Both records are locked (in id order,
/// so two merges of the same pair cannot deadlock) and must still be current, else nothing happens and the caller retries.
/// </summary>
public sealed class MemberMerges(IDbConnectionFactory connections, MemberKeys keys, ISecretProtector protector, TimeProvider time)
{
    /// <summary>Every table whose rows belong to a member: a merge moves them, an undo moves them back.</summary>
    private static readonly string[] MemberOwnedTables =
        ["member_identities", "member_consents", "member_profile_changes", "member_vehicles", "member_gifts", "member_data_requests"];

    private const string PhoneField = "phone";
    private const string NameField = "name";

    /// <summary>
    /// Inside the caller's transaction: merges whichever of the two records should go into the other — the joined one is
    /// kept over one that never joined, else <paramref name="preferred"/>, else the older. Null when either record is no
    /// longer current (merged or deleted meanwhile): roll back and look again.
    /// </summary>
    internal async Task<Guid?> MergeAsync(
        DbConnection connection, DbTransaction transaction, Guid brandId, Guid first, Guid second, Guid? preferred, string reason, string actor,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var id in first.CompareTo(second) < 0 ? [first, second] : new[] { second, first })
        {
            if (!await LockCurrentAsync(connection, transaction, brandId, id, now, cancellationToken))
            {
                return null;
            }
        }

        var rows = (await connection.QueryAsync<MergeCandidate>(new CommandDefinition(
            """
            SELECT id AS Id, status AS Status, name AS Name, phone_index AS PhoneIndex, phone_protected AS PhoneProtected,
                   phone_masked AS PhoneMasked, created_at AS CreatedAt
            FROM members WHERE id = @first OR id = @second
            """,
            new { first, second },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => r.Id);
        var (kept, merged) = Order(rows[first], rows[second], preferred);

        var moved = new Dictionary<string, Guid[]>();
        foreach (var table in MemberOwnedTables)
        {
            moved[table] = [.. await connection.QueryAsync<Guid>(new CommandDefinition(
                $"SELECT id FROM {table} WHERE member_id = @merged", new { merged = merged.Id }, transaction, cancellationToken: cancellationToken))];
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table} SET member_id = @kept WHERE member_id = @merged",
                new { kept = kept.Id, merged = merged.Id },
                transaction,
                cancellationToken: cancellationToken));
        }

        var movePhone = kept.PhoneIndex is null && merged.PhoneIndex is not null;
        var moveName = kept.Name is null && merged.Name is not null;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE members SET status = 'merged', merged_into = @kept, phone_index = NULL, updated_at = @now WHERE id = @merged;
            UPDATE members SET
                phone_index = CASE WHEN @movePhone THEN @phoneIndex ELSE phone_index END,
                phone_protected = CASE WHEN @movePhone THEN @phoneProtected ELSE phone_protected END,
                phone_masked = CASE WHEN @movePhone THEN @phoneMasked ELSE phone_masked END,
                name = CASE WHEN @moveName THEN @name ELSE name END,
                updated_at = @now
            WHERE id = @kept;
            INSERT INTO member_merges (id, brand_id, kept_member_id, merged_member_id, reason, actor, moved_rows, prior_status, moved_fields, merged_at)
            VALUES (@mergeId, @brandId, @kept, @merged, @reason, @actor, @movedRows, @priorStatus, @movedFields, @now);
            """,
            new
            {
                kept = kept.Id,
                merged = merged.Id,
                movePhone,
                moveName,
                phoneIndex = merged.PhoneIndex,
                phoneProtected = merged.PhoneProtected,
                phoneMasked = merged.PhoneMasked,
                name = merged.Name,
                now,
                mergeId = Guid.CreateVersion7(),
                brandId,
                reason,
                actor,
                movedRows = JsonSerializer.Serialize(moved, MembersJsonContext.Default.DictionaryStringGuidArray),
                priorStatus = merged.Status,
                movedFields = string.Join(',', (movePhone ? [PhoneField] : Array.Empty<string>()).Concat(moveName ? [NameField] : [])),
            },
            transaction,
            cancellationToken: cancellationToken));
        return kept.Id;
    }

    /// <summary>
    /// An admin's undo: the rows the merge moved go back, the merged record is current again in its old status, and the
    /// kept record gives back the phone and name it took. The merged record's phone is indexed again unless another
    /// current record holds the same number (a merge by phone): then it keeps the number encrypted, unsearchable.
    /// </summary>
    public async Task<MergeUndoOutcome> UndoAsync(Guid brandId, Guid mergeId, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var merge = await connection.QuerySingleOrDefaultAsync<StoredMerge>(new CommandDefinition(
            """
            SELECT kept_member_id AS Kept, merged_member_id AS Merged, moved_rows AS MovedRows, prior_status AS PriorStatus,
                   moved_fields AS MovedFields, undone_at AS UndoneAt
            FROM member_merges WHERE id = @mergeId AND brand_id = @brandId
            """,
            new { mergeId, brandId },
            transaction,
            cancellationToken: cancellationToken));
        if (merge is null)
        {
            return MergeUndoOutcome.NotFound;
        }

        if (merge.UndoneAt is not null)
        {
            return MergeUndoOutcome.AlreadyUndone;
        }

        var mergedStill = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET updated_at = @now WHERE id = @merged AND status = 'merged' AND merged_into = @kept",
            new { now, merged = merge.Merged, kept = merge.Kept },
            transaction,
            cancellationToken: cancellationToken));
        if (mergedStill == 0 || !await LockCurrentAsync(connection, transaction, brandId, merge.Kept, now, cancellationToken))
        {
            return MergeUndoOutcome.RecordsMovedOn;
        }

        var moved = JsonSerializer.Deserialize(merge.MovedRows, MembersJsonContext.Default.DictionaryStringGuidArray) ?? [];
        foreach (var table in MemberOwnedTables)
        {
            if (moved.TryGetValue(table, out var ids) && ids.Length > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE {table} SET member_id = @merged WHERE member_id = @kept AND {connections.Dialect.IsIn("id", "@ids")}",
                    new { merged = merge.Merged, kept = merge.Kept, ids },
                    transaction,
                    cancellationToken: cancellationToken));
            }
        }

        var fields = merge.MovedFields.Split(',', StringSplitOptions.RemoveEmptyEntries);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE members SET
                phone_index = CASE WHEN @phoneMoved THEN NULL ELSE phone_index END,
                phone_protected = CASE WHEN @phoneMoved THEN NULL ELSE phone_protected END,
                phone_masked = CASE WHEN @phoneMoved THEN NULL ELSE phone_masked END,
                name = CASE WHEN @nameMoved THEN NULL ELSE name END,
                updated_at = @now
            WHERE id = @kept
            """,
            new { phoneMoved = fields.Contains(PhoneField), nameMoved = fields.Contains(NameField), now, kept = merge.Kept },
            transaction,
            cancellationToken: cancellationToken));
        var phoneIndex = await FreePhoneIndexAsync(connection, transaction, brandId, merge.Merged, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE members SET status = @priorStatus, merged_into = NULL, phone_index = @phoneIndex, updated_at = @now WHERE id = @merged;
            UPDATE member_merges SET undone_at = @now, undone_by = @actor WHERE id = @mergeId;
            """,
            new { priorStatus = merge.PriorStatus, phoneIndex, now, merged = merge.Merged, actor, mergeId },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return MergeUndoOutcome.Undone;
    }

    /// <summary>The merges a member took part in, kept or merged, newest first.</summary>
    public async Task<IReadOnlyList<MemberMerge>> OfMemberAsync(Guid brandId, Guid memberId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, kept_member_id AS KeptMemberId, merged_member_id AS MergedMemberId, reason AS Reason, actor AS Actor,
                   merged_at AS MergedAt, undone_at AS UndoneAt, undone_by AS UndoneBy
            FROM member_merges WHERE brand_id = @brandId AND (kept_member_id = @memberId OR merged_member_id = @memberId)
            ORDER BY merged_at DESC, id DESC
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<MemberMerge>(new CommandDefinition(sql, new { brandId, memberId }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Takes the record's row lock and checks it is current: the one statement on both providers that makes a linker or
    /// another merge wait for this one, then see what it left.
    /// </summary>
    internal static async Task<bool> LockCurrentAsync(
        DbConnection connection, DbTransaction transaction, Guid brandId, Guid memberId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET updated_at = @now WHERE id = @memberId AND brand_id = @brandId AND status IN ('known', 'member')",
            new { now, memberId, brandId },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    private static (MergeCandidate Kept, MergeCandidate Merged) Order(MergeCandidate a, MergeCandidate b, Guid? preferred)
    {
        var aJoined = a.Status == MemberStatus.Member;
        if (aJoined != (b.Status == MemberStatus.Member))
        {
            return aJoined ? (a, b) : (b, a);
        }

        if (preferred == a.Id || preferred == b.Id)
        {
            return preferred == a.Id ? (a, b) : (b, a);
        }

        return a.CreatedAt <= b.CreatedAt ? (a, b) : (b, a);
    }

    private async Task<string?> FreePhoneIndexAsync(DbConnection connection, DbTransaction transaction, Guid brandId, Guid memberId, CancellationToken cancellationToken)
    {
        var protectedPhone = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT phone_protected FROM members WHERE id = @memberId", new { memberId }, transaction, cancellationToken: cancellationToken));
        if (protectedPhone is null || PhoneNumbers.Normalise(protector.Unprotect(protectedPhone)) is not { } phone)
        {
            return null;
        }

        var phoneIndex = (await keys.OfBrandAsync(brandId, cancellationToken)).PhoneIndex(phone);
        var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM members WHERE brand_id = @brandId AND phone_index = @phoneIndex",
            new { brandId, phoneIndex },
            transaction,
            cancellationToken: cancellationToken));
        return held == 0 ? phoneIndex : null;
    }

    private sealed class MergeCandidate
    {
        public Guid Id { get; init; }

        public required string Status { get; init; }

        public string? Name { get; init; }

        public string? PhoneIndex { get; init; }

        public string? PhoneProtected { get; init; }

        public string? PhoneMasked { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class StoredMerge
    {
        public Guid Kept { get; init; }

        public Guid Merged { get; init; }

        public required string MovedRows { get; init; }

        public required string PriorStatus { get; init; }

        public required string MovedFields { get; init; }

        public DateTimeOffset? UndoneAt { get; init; }
    }
}
