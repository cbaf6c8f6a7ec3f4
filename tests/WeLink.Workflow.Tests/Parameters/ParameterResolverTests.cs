using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Parameters;

public sealed class ParameterResolverTests
{
    private static readonly WorkflowDefinition Example = SampleDefinitions.Example();

    private static readonly Dictionary<string, JsonNode?> NoDealerOverrides = [];

    private static readonly Dictionary<string, BrandParameterSetting> BrandLetsDealersTuneFirstResponse = new()
    {
        ["first_response_hours"] = new BrandParameterSetting(12, DealerAdjustable: true, DealerMin: 8, DealerMax: 16),
        ["resolution_hours"] = new BrandParameterSetting(48),
    };

    private static ParameterResolution Resolve(IReadOnlyDictionary<string, BrandParameterSetting> brand, IReadOnlyDictionary<string, JsonNode?> dealer) =>
        ParameterResolver.Resolve(Example, brand, dealer);

    private static ParameterError SingleError(ParameterResolution resolution)
    {
        Assert.False(resolution.Succeeded);
        Assert.Null(resolution.Parameters);
        return Assert.Single(resolution.Errors);
    }

    [Fact]
    public void Without_settings_every_parameter_takes_its_default()
    {
        var resolution = Resolve(new Dictionary<string, BrandParameterSetting>(), NoDealerOverrides);

        Assert.True(resolution.Succeeded);
        var parameters = resolution.Parameters!;
        Assert.Equal(24, parameters.GetWholeNumber("first_response_hours"));
        Assert.Equal(500, parameters.GetWholeNumber("staff_remedy_limit_points"));
        Assert.Equal(Example.Parameters.Count, parameters.Values.Count);
        Assert.All(parameters.Values.Values, p => Assert.Equal(ParameterSource.Default, p.Source));
    }

    [Fact]
    public void Brand_values_override_defaults_and_dealer_values_override_adjustable_brand_values()
    {
        var parameters = Resolve(BrandLetsDealersTuneFirstResponse, new Dictionary<string, JsonNode?> { ["first_response_hours"] = 10 }).Parameters!;

        Assert.Equal(10, parameters.GetWholeNumber("first_response_hours"));
        Assert.Equal(ParameterSource.Dealer, parameters.Values["first_response_hours"].Source);
        Assert.Equal(48, parameters.GetWholeNumber("resolution_hours"));
        Assert.Equal(ParameterSource.Brand, parameters.Values["resolution_hours"].Source);
        Assert.Equal(ParameterSource.Default, parameters.Values["survey_window_days"].Source);
    }

    [Fact]
    public void A_dealer_changing_a_parameter_hq_locked_is_an_error()
    {
        var error = SingleError(Resolve(BrandLetsDealersTuneFirstResponse, new Dictionary<string, JsonNode?> { ["resolution_hours"] = 60 }));

        Assert.Equal(new ParameterError("resolution_hours", ParameterSource.Dealer, ParameterErrorCode.LockedForDealer, "'resolution_hours' is not adjustable by dealers"), error);
    }

    [Fact]
    public void A_parameter_hq_never_mentioned_is_locked_for_dealers()
    {
        var error = SingleError(Resolve(BrandLetsDealersTuneFirstResponse, new Dictionary<string, JsonNode?> { ["survey_window_days"] = 3 }));

        Assert.Equal(ParameterErrorCode.LockedForDealer, error.Code);
    }

    [Fact]
    public void A_dealer_value_outside_the_bounds_hq_set_for_dealers_is_an_error()
    {
        var error = SingleError(Resolve(BrandLetsDealersTuneFirstResponse, new Dictionary<string, JsonNode?> { ["first_response_hours"] = 20 }));

        Assert.Equal(ParameterErrorCode.OutOfBounds, error.Code);
        Assert.Equal(ParameterSource.Dealer, error.Source);
        Assert.Equal("20 is outside [8, 16]", error.Message);
    }

    [Fact]
    public void A_brand_value_outside_the_definitions_bounds_is_an_error()
    {
        var error = SingleError(Resolve(new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(100) }, NoDealerOverrides));

        Assert.Equal(new ParameterError("first_response_hours", ParameterSource.Brand, ParameterErrorCode.OutOfBounds, "100 is outside [1, 72]"), error);
    }

    [Fact]
    public void Dealer_bounds_outside_the_definitions_bounds_are_an_error()
    {
        var brand = new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(24, DealerAdjustable: true, DealerMax: 100) };

        var error = SingleError(Resolve(brand, NoDealerOverrides));

        Assert.Equal("dealer maximum 100 is outside [1, 72]", error.Message);
        Assert.Equal(ParameterSource.Brand, error.Source);
    }

    [Fact]
    public void A_dealer_minimum_above_the_dealer_maximum_is_an_error()
    {
        var brand = new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(12, DealerAdjustable: true, DealerMin: 16, DealerMax: 8) };

        var error = SingleError(Resolve(brand, NoDealerOverrides));

        Assert.Equal(new ParameterError("first_response_hours", ParameterSource.Brand, ParameterErrorCode.BoundsCrossed, "dealer minimum 16 is above dealer maximum 8"), error);
    }

    [Fact]
    public void An_hq_value_outside_the_bounds_hq_gives_dealers_is_an_error()
    {
        var brand = new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(30, DealerAdjustable: true, DealerMin: 8, DealerMax: 16) };

        var error = SingleError(Resolve(brand, NoDealerOverrides));

        Assert.Equal(
            new ParameterError("first_response_hours", ParameterSource.Brand, ParameterErrorCode.OutOfBounds, "HQ's value 30, which dealers start from, is outside the dealer bounds [8, 16]"),
            error);
    }

    [Fact]
    public void Without_an_hq_value_the_definitions_default_must_lie_within_the_dealer_bounds()
    {
        var brand = new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(null, DealerAdjustable: true, DealerMax: 12) };

        var error = SingleError(Resolve(brand, NoDealerOverrides));

        Assert.Equal(
            new ParameterError("first_response_hours", ParameterSource.Brand, ParameterErrorCode.OutOfBounds, "the definition's default 24, which dealers start from, is outside the dealer bounds [1, 12]"),
            error);
    }

    [Fact]
    public void Dealer_bounds_outside_the_definitions_on_both_sides_are_each_named()
    {
        var brand = new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(24, DealerAdjustable: true, DealerMin: 0, DealerMax: 100) };

        var resolution = Resolve(brand, NoDealerOverrides);

        Assert.Equal(["dealer minimum 0 is outside [1, 72]", "dealer maximum 100 is outside [1, 72]"], resolution.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Consistent_dealer_bounds_holding_hqs_value_resolve()
    {
        var brand = new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(12, DealerAdjustable: true, DealerMin: 12, DealerMax: 12) };

        var resolution = Resolve(brand, new Dictionary<string, JsonNode?> { ["first_response_hours"] = 12 });

        Assert.True(resolution.Succeeded);
    }

    [Theory]
    [InlineData("\"24\"", "expected a whole number, found \"24\"")]
    [InlineData("2.5", "expected a whole number, found 2.5")]
    [InlineData("true", "expected a whole number, found true")]
    [InlineData("null", "expected a whole number, found null")]
    public void A_value_of_the_wrong_type_is_an_error(string json, string message)
    {
        var dealer = new Dictionary<string, JsonNode?> { ["first_response_hours"] = JsonNode.Parse(json) };

        var error = SingleError(Resolve(BrandLetsDealersTuneFirstResponse, dealer));

        Assert.Equal(new ParameterError("first_response_hours", ParameterSource.Dealer, ParameterErrorCode.WrongType, message), error);
    }

    [Fact]
    public void Unknown_parameters_are_errors_at_both_levels()
    {
        var resolution = Resolve(
            new Dictionary<string, BrandParameterSetting> { ["first_reply_hours"] = new(3) },
            new Dictionary<string, JsonNode?> { ["speed"] = 1 });

        Assert.Equal(
            [
                new ParameterError("first_reply_hours", ParameterSource.Brand, ParameterErrorCode.UnknownParameter, "the definition declares no parameter 'first_reply_hours'"),
                new ParameterError("speed", ParameterSource.Dealer, ParameterErrorCode.UnknownParameter, "the definition declares no parameter 'speed'"),
            ],
            resolution.Errors);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var resolution = Resolve(
            new Dictionary<string, BrandParameterSetting> { ["resolution_hours"] = new(1), ["first_response_hours"] = new(12, DealerAdjustable: true) },
            new Dictionary<string, JsonNode?> { ["first_response_hours"] = 99, ["survey_window_days"] = 3 });

        Assert.Equal(
            [("first_response_hours", ParameterErrorCode.OutOfBounds), ("resolution_hours", ParameterErrorCode.OutOfBounds), ("survey_window_days", ParameterErrorCode.LockedForDealer)],
            resolution.Errors.Select(e => (e.Parameter, e.Code)).Order());
    }

    [Fact]
    public void Resolved_parameters_survive_a_round_trip_through_json()
    {
        var parameters = Resolve(BrandLetsDealersTuneFirstResponse, new Dictionary<string, JsonNode?> { ["first_response_hours"] = 10 }).Parameters!;

        var json = parameters.ToJson();
        var pinned = ResolvedParameters.FromJson(json);

        Assert.Equal("example", pinned.DefinitionKey);
        Assert.Equal(1, pinned.DefinitionVersion);
        Assert.Equal(10, pinned.GetWholeNumber("first_response_hours"));
        Assert.Equal(ParameterSource.Dealer, pinned.Values["first_response_hours"].Source);
        Assert.Equal(json, pinned.ToJson());
        Assert.Contains("\"first_response_hours\":{\"type\":\"int\",\"source\":\"dealer\",\"value\":10}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_decimals_and_bools_resolve_to_their_types()
    {
        var definition = SampleDefinitions.Minimal() with
        {
            Parameters =
            [
                new ParameterDefinition { Name = "grace", Type = ParameterType.Duration, Default = "PT2H", Min = "PT1H", Max = "1.00:00:00" },
                new ParameterDefinition { Name = "multiplier", Type = ParameterType.Number, Default = 1.5m, Min = 1, Max = 3 },
                new ParameterDefinition { Name = "enabled", Type = ParameterType.Bool, Default = false },
                new ParameterDefinition { Name = "wait_hours", Type = ParameterType.WholeNumber, Default = 4.0m },
            ],
        };
        var brand = new Dictionary<string, BrandParameterSetting> { ["grace"] = new("03:30:00"), ["enabled"] = new(true) };

        var parameters = ResolvedParameters.FromJson(ParameterResolver.Resolve(definition, brand, NoDealerOverrides).Parameters!.ToJson());

        Assert.Equal(TimeSpan.FromHours(3.5), parameters.GetDuration("grace"));
        Assert.Equal("PT3H30M", parameters.Values["grace"].Value.GetString());
        Assert.Equal(1.5m, parameters.GetNumber("multiplier"));
        Assert.True(parameters.GetBool("enabled"));
        Assert.Equal(4, parameters.GetWholeNumber("wait_hours"));
        Assert.Equal(TimeSpan.FromMinutes(90), parameters.GetDuration("multiplier", DurationUnit.Hours));
        Assert.Throws<InvalidOperationException>(() => parameters.GetWholeNumber("grace"));
        Assert.Throws<KeyNotFoundException>(() => parameters.GetBool("missing"));
    }
}
