namespace TakedownFn.Ledger.Tests.Merkle;

/// <summary>The leaf inputs and roots published with transparency-dev/merkle (testonly).</summary>
internal static class TestVectors
{
    public static readonly byte[][] Leaves =
    [
        Hex(""),
        Hex("00"),
        Hex("10"),
        Hex("2021"),
        Hex("3031"),
        Hex("40414243"),
        Hex("5051525354555657"),
        Hex("606162636465666768696a6b6c6d6e6f"),
    ];

    public static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Deterministic distinct leaves for bigger trees.</summary>
    public static byte[][] Generated(int count) =>
        [.. Enumerable.Range(0, count).Select(i => System.Text.Encoding.UTF8.GetBytes($"leaf-{i}"))];
}
