using System.Data.Common;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Members.Merging;
using WeLink.Server.Security;

namespace WeLink.Server.Members.Phones;

/// <summary>What confirming a phone came to.</summary>
public abstract record PhoneConfirmation
{
    /// <summary>The phone is the member's now; <paramref name="Merged"/> when another record held it and the two became one (<paramref name="MemberId"/> is the record kept).</summary>
    public sealed record Confirmed(Guid MemberId, bool Merged) : PhoneConfirmation;

    /// <summary>Not a mainland mobile number.</summary>
    public sealed record InvalidPhone : PhoneConfirmation;

    /// <summary>No current record of the brand is this member (another brand's, or deleted).</summary>
    public sealed record UnknownMember : PhoneConfirmation;
}

/// <summary>
/// The phone number as a member's key: only a number WeChat (the mini program's phone button) or a staff member with
/// the customer in front of them confirmed is set. A number another record of the brand holds merges the two (the
/// holder kept, unless only this one joined); the number is stored encrypted, indexed by the brand's HMAC, masked in
/// lists, history and logs.
/// </summary>
public sealed class MemberPhones(
    IDbConnectionFactory connections, MemberKeys keys, MemberMerges merges, MemberDirectory directory, ISecretProtector protector, TimeProvider time,
    ILogger<MemberPhones> logger)
{
    private const int Attempts = 5;

    public async Task<PhoneConfirmation> ConfirmAsync(Guid brandId, Guid memberId, string phone, string source, CancellationToken cancellationToken)
    {
        if (PhoneNumbers.Normalise(phone) is not { } normalised)
        {
            return new PhoneConfirmation.InvalidPhone();
        }

        var number = new StoredPhone(
            (await keys.OfBrandAsync(brandId, cancellationToken)).PhoneIndex(normalised), protector.Protect(normalised), PhoneNumbers.Mask(normalised));
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await directory.GetAsync(brandId, memberId, cancellationToken) is not { } current || !MemberStatus.IsCurrent(current.Status))
            {
                return new PhoneConfirmation.UnknownMember();
            }

            try
            {
                if (await TryConfirmAsync(brandId, current.Id, number, source, cancellationToken) is { } confirmed)
                {
                    logger.PhoneConfirmed(confirmed.MemberId, number.Masked, source, confirmed.Merged);
                    return confirmed;
                }
            }
            catch (DbException e) when (attempt < Attempts && (DbErrors.IsUniqueViolation(e) || DbErrors.IsDeadlock(e) || DbErrors.IsSerializationFailure(e)))
            {
                logger.SightingRaced("phone", attempt);
            }

            memberId = current.Id;
        }

        throw new InvalidOperationException($"Confirming a phone raced other writers {Attempts} times.");
    }

    private async Task<PhoneConfirmation.Confirmed?> TryConfirmAsync(Guid brandId, Guid memberId, StoredPhone phone, string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var holder = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM members WHERE brand_id = @brandId AND phone_index = @index",
            new { brandId, index = phone.Index },
            transaction,
            cancellationToken: cancellationToken));
        var target = memberId;
        var merged = holder is { } other && other != memberId;
        if (merged)
        {
            if (await merges.MergeAsync(connection, transaction, brandId, holder!.Value, memberId, preferred: holder, MergeReasons.Phone, source, cancellationToken) is not { } kept)
            {
                return null;
            }

            target = kept;
        }
        else if (!await MemberMerges.LockCurrentAsync(connection, transaction, brandId, memberId, now, cancellationToken))
        {
            return null;
        }

        if (await SetAsync(connection, transaction, target, phone, now, cancellationToken))
        {
            await MemberProfileHistory.RecordAsync(connection, transaction, brandId, target, "phone", phone.Masked, source, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PhoneConfirmation.Confirmed(target, merged);
    }

    /// <summary>Sets the number unless the record already has it; false when it had.</summary>
    private static async Task<bool> SetAsync(DbConnection connection, DbTransaction transaction, Guid memberId, StoredPhone phone, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE members SET phone_index = @index, phone_protected = @protected, phone_masked = @masked, updated_at = @now
            WHERE id = @memberId AND (phone_index IS NULL OR phone_index <> @index)
            """,
            new { index = phone.Index, @protected = phone.Protected, masked = phone.Masked, now, memberId },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    private sealed record StoredPhone(string Index, string Protected, string Masked);
}
