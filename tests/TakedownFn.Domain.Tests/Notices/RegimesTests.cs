using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Tests.Notices;

/// <summary>Regime and category ids are stored with every case and sent by platforms; they must not drift.</summary>
public class RegimesTests
{
    [Theory]
    [InlineData("cn-personal-info", "id-number home-address phone medical private-messages photos other-personal-info")]
    [InlineData("cn-copyright", "copyright")]
    [InlineData("cn-civil-code-1195", "personal-rights ip reputation")]
    [InlineData("us-dmca", "copyright")]
    [InlineData("eu-dsa-16", "illegal-content privacy cyber-violence ip csam hate-speech terrorist-content fraud")]
    [InlineData("de-netzdg", "manifestly-unlawful unlawful")]
    [InlineData("in-it-rules", "intimate-imagery impersonation other")]
    [InlineData("au-osa", "intimate-image cyber-abuse")]
    public void TryGet_PublishedRegime_HasItsPublishedCategories(string id, string categories)
    {
        Assert.True(Regimes.TryGet(id, out var regime));
        Assert.Equal(categories.Split(' '), regime.Categories);
        Assert.All(regime.Categories, c => Assert.True(regime.Allows(c)));
    }

    [Fact]
    public void All_HasEightRegimes_EachWithACitation()
    {
        Assert.Equal(8, Regimes.All.Count);
        Assert.All(Regimes.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Citation)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("US-DMCA")]
    [InlineData(" us-dmca")]
    public void TryGet_NotAnExactId_False(string? id)
    {
        Assert.False(Regimes.TryGet(id, out _));
    }
}
