using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Members.Vehicles;

/// <summary>Writes <c>member_vehicles</c>: a vehicle recorded for a member by a dealer, with who recorded it as its source.</summary>
public sealed class MemberVehicles(IDbConnectionFactory connections, TimeProvider time)
{
    public async Task<Guid> AddAsync(Guid brandId, Guid memberId, Guid dealerId, VehicleInput vehicle, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        const string sql = """
            INSERT INTO member_vehicles (id, brand_id, member_id, dealer_id, model, plate, vin, purchased_on, source, created_at)
            VALUES (@id, @brandId, @memberId, @dealerId, @model, @plate, @vin, @purchasedOn, @source, @now)
            """;
        var id = Guid.CreateVersion7();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            id,
            brandId,
            memberId,
            dealerId,
            model = vehicle.Model,
            plate = vehicle.Plate,
            vin = vehicle.Vin,
            purchasedOn = vehicle.PurchasedOn,
            source,
            now = time.GetUtcNow(),
        }, cancellationToken: cancellationToken));
        return id;
    }
}
