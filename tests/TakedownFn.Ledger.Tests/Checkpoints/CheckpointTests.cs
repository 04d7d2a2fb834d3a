using System.Security.Cryptography;
using System.Text;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private const string Origin = "takedownfn.example/ledger/tenant-a";
    private static readonly byte[] Root = Convert.FromHexString("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private readonly NoteSigner current = NoteSigner.FromPem(Origin, LedgerKeyPair.Generate().PrivateKeyPem);
    private readonly NoteSigner next = NoteSigner.FromPem(Origin, LedgerKeyPair.Generate().PrivateKeyPem);

    [Fact]
    public void Sign_Checkpoint_HasC2spLayout()
    {
        var note = new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root));

        var lines = note.Split('\n');
        Assert.Equal(Origin, lines[0]);
        Assert.Equal("8", lines[1]);
        Assert.Equal("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.StartsWith("\u2014 " + Origin + " ", lines[4], StringComparison.Ordinal);
        Assert.Equal("", lines[5]);
        Assert.Equal(6, lines.Length);

        // Signature payload = 4-byte big-endian key ID || DER ECDSA signature.
        var payload = Convert.FromBase64String(lines[4].Split(' ')[2]);
        Assert.Equal(current.KeyId, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload));
        Assert.Equal(0x30, payload[4]);
    }

    [Fact]
    public void KeyId_IsFirstFourBytesOfSha256OfSubjectPublicKeyInfo()
    {
        var expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(current.SubjectPublicKeyInfo));
        Assert.Equal(expected, current.KeyId);
        Assert.Equal(expected, current.GetVerifierKey().KeyId);
        Assert.Equal($"{Origin}+{expected:x8}+{Convert.ToBase64String([0x02, .. current.SubjectPublicKeyInfo])}", current.GetVerifierKey().ToNoteVerifierKeyString());
    }

    [Fact]
    public void Verify_SignedCheckpoint_ReturnsIt()
    {
        var note = new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root));

        var checkpoint = new CheckpointVerifier([current.GetVerifierKey()]).Verify(note, Origin);

        Assert.Equal(Origin, checkpoint.Origin);
        Assert.Equal(8, checkpoint.TreeSize);
        Assert.Equal(Root, checkpoint.RootHash);
    }

    [Fact]
    public void Verify_RotationWithBothKeysTrusted_AcceptsOldAndNewCheckpoints()
    {
        var verifier = new CheckpointVerifier([current.GetVerifierKey(), next.GetVerifierKey()]);
        Assert.Equal(8, verifier.Verify(new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root))).TreeSize);
        Assert.Equal(9, verifier.Verify(new CheckpointSigner(next).Sign(new Checkpoint(Origin, 9, Root))).TreeSize);
    }

    [Fact]
    public void Verify_CosignedByOldAndNewKey_AcceptedByEitherKeyAlone()
    {
        var text = new Checkpoint(Origin, 8, Root).ToNoteText();
        var note = current.Sign(text) + next.SignatureLine(text);
        Assert.Equal(8, new CheckpointVerifier([current.GetVerifierKey()]).Verify(note).TreeSize);
        Assert.Equal(8, new CheckpointVerifier([next.GetVerifierKey()]).Verify(note).TreeSize);
    }

    [Fact]
    public void Verify_PemWithTwoPublicKeys_TrustsBoth()
    {
        var pem = "rotation in progress\n" + PublicPem(current) + PublicPem(next);
        var keys = NoteVerifierKey.FromPem(Origin, pem);
        Assert.Equal(2, keys.Count);
        var verifier = new CheckpointVerifier(keys);
        Assert.Equal(9, verifier.Verify(new CheckpointSigner(next).Sign(new Checkpoint(Origin, 9, Root))).TreeSize);
    }

    [Fact]
    public void Verify_WrongKey_RejectedAsNoKnownSignature()
    {
        var note = new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root));
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([next.GetVerifierKey()]).Verify(note));
        Assert.Equal($"no signature from a known key; signed by {Origin} (id {current.KeyId:x8})", ex.Message);
    }

    [Fact]
    public void Verify_SameKeyUnderAnotherName_RejectedAsNoKnownSignature()
    {
        var note = new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root));
        var renamed = NoteVerifierKey.FromSubjectPublicKeyInfo("takedownfn.example/other", current.SubjectPublicKeyInfo);
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([renamed]).Verify(note));
        Assert.StartsWith("no signature from a known key", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8\n", "9\n")]
    [InlineData("tenant-a\n", "tenant-b\n")]
    [InlineData("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=")]
    public void Verify_TamperedBody_RejectedAsBadSignature(string from, string to)
    {
        var note = new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root));
        var tampered = note.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(note, tampered);
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([current.GetVerifierKey()]).Verify(tampered));
        Assert.Equal($"signature by key {Origin} (id {current.KeyId:x8}) does not verify", ex.Message);
    }

    [Fact]
    public void Verify_FlippedSignatureByte_RejectedAsBadSignature()
    {
        var note = new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root));
        var lines = note.Split('\n');
        var payload = Convert.FromBase64String(lines[4].Split(' ')[2]);
        payload[^1] ^= 0x01;
        lines[4] = $"\u2014 {Origin} {Convert.ToBase64String(payload)}";
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([current.GetVerifierKey()]).Verify(string.Join('\n', lines)));
        Assert.EndsWith("does not verify", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OtherLogsOrigin_Rejected()
    {
        var note = new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root));
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([current.GetVerifierKey()]).Verify(note, "takedownfn.example/ledger/tenant-b"));
        Assert.Equal($"checkpoint origin \"{Origin}\" is not the expected \"takedownfn.example/ledger/tenant-b\"", ex.Message);
    }

    [Theory]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "SIG", "note does not end with a newline")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "NOBLANK", "note has no blank line between text and signatures")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "NOSIG", "note has no signature lines")]
    [InlineData("o\r\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "SIG\n", "note contains control character U+000D at offset 1")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "- o AAAAAAA=\n", "signature line 1 does not start with an em dash and a space")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "\u2014 o\n", "signature line 1 is not \"\u2014 <key name> <base64 signature>\"")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "\u2014 o !!!!\n", "signature line 1 has a signature that is not valid base64")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "\u2014 o AAAAAA==\n", "signature line 1 has 4 signature bytes, too few for a key ID and a signature")]
    public void Verify_MalformedNote_RejectedWithReason(string text, string signatureLines, string message)
    {
        var note = signatureLines switch
        {
            "SIG" => current.Sign(text)[..^1],
            "SIG\n" => current.Sign(text),
            "NOBLANK" => current.Sign(text).Replace(text + "\n", text, StringComparison.Ordinal),
            "NOSIG" => text + "\n",
            _ => text + "\n" + signatureLines,
        };
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([current.GetVerifierKey()]).Verify(note));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "checkpoint tree size \"08\" is not a decimal number without leading zeros")]
    [InlineData("o\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "checkpoint tree size \"-1\" is not a decimal number without leading zeros")]
    [InlineData("o\n8 \nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "checkpoint tree size \"8 \" is not a decimal number without leading zeros")]
    [InlineData("o\n99999999999999999999\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "checkpoint tree size 99999999999999999999 is too large")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw==\n", "checkpoint root hash is 31 bytes, want 32")]
    [InlineData("o\n8\nnot base64\n", "checkpoint root hash \"not base64\" is not valid base64")]
    [InlineData("o\n8\n", "checkpoint has 2 lines, want at least 3 (origin, tree size, root hash)")]
    [InlineData("\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "checkpoint origin line is empty")]
    public void Verify_ValidlySignedMalformedCheckpoint_RejectedWithReason(string text, string message)
    {
        // Signed with a trusted key, so only the checkpoint body can be at fault.
        var note = current.Sign(text);
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([current.GetVerifierKey()]).Verify(note));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Verify_ExtensionLines_KeptAndSigned()
    {
        var note = current.Sign(new Checkpoint(Origin, 0, Rfc6962.EmptyRootHash(), ["timestamp 2025-01-01"]).ToNoteText());
        var checkpoint = new CheckpointVerifier([current.GetVerifierKey()]).Verify(note);
        Assert.Equal(["timestamp 2025-01-01"], checkpoint.Extensions);
        Assert.Equal(0, checkpoint.TreeSize);
    }

    [Fact]
    public void Verify_InvalidUtf8_Rejected()
    {
        var bytes = Encoding.UTF8.GetBytes(new CheckpointSigner(current).Sign(new Checkpoint(Origin, 8, Root)));
        bytes[0] = 0xff;
        var ex = Assert.Throws<LedgerVerificationException>(() => new CheckpointVerifier([current.GetVerifierKey()]).Verify(bytes));
        Assert.Equal("note is not valid UTF-8", ex.Message);
    }

    [Fact]
    public void FromPem_Sec1PrivateKey_SignsVerifiably()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = NoteSigner.FromPem(Origin, key.ExportECPrivateKeyPem());
        var verifierKeys = NoteVerifierKey.FromPem(Origin, key.ExportSubjectPublicKeyInfoPem());
        Assert.Equal(5, new CheckpointVerifier(verifierKeys).Verify(new CheckpointSigner(signer).Sign(new Checkpoint(Origin, 5, Root))).TreeSize);
    }

    [Fact]
    public void FromPem_P384Key_Rejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var ex = Assert.Throws<CryptographicException>(() => NoteSigner.FromPem(Origin, key.ExportPkcs8PrivateKeyPem()));
        Assert.EndsWith("want NIST P-256", ex.Message, StringComparison.Ordinal);
        Assert.Throws<CryptographicException>(() => NoteVerifierKey.FromPem(Origin, key.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void FromPem_NoKeyBlock_Rejected()
    {
        Assert.Throws<CryptographicException>(() => NoteVerifierKey.FromPem(Origin, LedgerKeyPair.Generate().PrivateKeyPem));
        Assert.Throws<CryptographicException>(() => NoteSigner.FromPem(Origin, LedgerKeyPair.Generate().PublicKeyPem));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("has+plus")]
    public void NoteSigner_InvalidKeyName_Rejected(string keyName)
    {
        Assert.Throws<ArgumentException>(() => NoteSigner.FromPem(keyName, LedgerKeyPair.Generate().PrivateKeyPem));
    }

    [Fact]
    public void LedgerKeyPair_ToString_DoesNotLeakPrivateKey()
    {
        var pair = LedgerKeyPair.Generate();
        Assert.DoesNotContain("PRIVATE", pair.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pair.PrivateKeyPem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pair.PublicKeyPem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        current.Dispose();
        next.Dispose();
    }

    private static string PublicPem(NoteSigner signer) =>
        PemEncoding.WriteString("PUBLIC KEY", signer.SubjectPublicKeyInfo) + "\n";
}
