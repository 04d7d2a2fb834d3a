namespace TakedownFn.Ledger.Tests;

public class SmokeTests
{
    [Fact]
    public void Build_Compiles_True() => Assert.True(true);
}
