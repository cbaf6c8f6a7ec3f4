using System.Globalization;
using System.Text.RegularExpressions;

namespace WeLink.Server.Members.Vehicles;

/// <summary>A vehicle as staff type it: the model, and optionally the plate, the VIN and the purchase date (yyyy-MM-dd).</summary>
public sealed record VehicleRequest(string? Model, string? Plate, string? Vin, string? PurchasedOn);

/// <summary>A checked vehicle: trimmed, plate and VIN upper-cased.</summary>
public sealed record VehicleInput(string Model, string? Plate, string? Vin, string? PurchasedOn);

/// <summary>
/// The checks of a vehicle staff add: a model of at most <see cref="MaxModel"/> characters; a VIN of 17 letters and digits
/// without I, O and Q (ISO 3779 leaves them out so they are not read as 1 and 0); a purchase date that is a real day, not
/// in the future. Each refusal is Chinese, keyed by the field.
/// </summary>
public static partial class VehicleRules
{
    public const int MaxModel = 40;

    public const int MaxPlate = 10;

    public static (VehicleInput? Input, Dictionary<string, string[]> Errors) Check(VehicleRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var model = request.Model?.Trim() ?? "";
        var plate = Blank(request.Plate?.Trim().ToUpperInvariant());
        var vin = Blank(request.Vin?.Trim().ToUpperInvariant());
        var purchased = Blank(request.PurchasedOn?.Trim());
        if (model.Length is 0 or > MaxModel)
        {
            errors["model"] = [$"车型需为 1 到 {MaxModel} 个字。"];
        }

        if (plate is { Length: > MaxPlate })
        {
            errors["plate"] = [$"车牌号最多 {MaxPlate} 个字符。"];
        }

        if (vin is not null && !Vin().IsMatch(vin))
        {
            errors["vin"] = ["车架号（VIN）需为 17 位字母或数字，且不含 I、O、Q。"];
        }

        if (purchased is not null
            && (!DateOnly.TryParseExact(purchased, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day > today))
        {
            errors["purchasedOn"] = ["购车日期需为不晚于今天的日期（年-月-日）。"];
        }

        return errors.Count > 0 ? (null, errors) : (new VehicleInput(model, plate, vin, purchased), errors);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[A-HJ-NPR-Z0-9]{17}$")]
    private static partial Regex Vin();
}
