using WeLink.Server.Members.Phones;

namespace WeLink.Server.Tests.Members;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("0086-138-0013-8000", "13800138000")]
    [InlineData("86 13800138000", "13800138000")]
    [InlineData("(+86) 199 1234 5678", "19912345678")]
    [InlineData("1380013800", null)]
    [InlineData("12800138000", null)]
    [InlineData("23800138000", null)]
    [InlineData("138001380001", null)]
    [InlineData("138 0013 800a", null)]
    [InlineData("8613800138000x", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Mainland_mobile_numbers_are_read_in_their_usual_written_forms(string? written, string? expected) =>
        Assert.Equal(expected, PhoneNumbers.Normalise(written));

    [Fact]
    public void A_number_is_shown_masked() => Assert.Equal("138****8000", PhoneNumbers.Mask("13800138000"));
}
