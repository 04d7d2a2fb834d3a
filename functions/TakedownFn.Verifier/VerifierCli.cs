using TakedownFn.Ledger;

namespace TakedownFn.Verifier;

/// <summary>Dispatches a command and turns its outcome into one line and an exit code.</summary>
public static class VerifierCli
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int UsageError = 2;

    public const string Usage = """
        usage: TakedownFn.Verifier <command> [options]

        commands:
          inclusion    --leaf-hash HEX --index N --size N --root HEX [--proof HEX,HEX,...]
          consistency  --size1 N --size2 N --root1 HEX --root2 HEX [--proof HEX,HEX,...]
          checkpoint   --file PATH --key PATH [--key-name NAME]
          export       --file PATH --key PATH [--key-name NAME]
          bundle       --file PATH --key PATH [--key-name NAME]
          statement    --file PATH --export PATH --key PATH [--key-name NAME]

        --key is a PEM file with one or more "PUBLIC KEY" (ECDSA P-256) blocks; all are trusted.
        --key-name is the signer's key name; it defaults to the log's origin.
        exit codes: 0 valid, 1 invalid (reason on stderr), 2 usage error.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["help" or "--help" or "-h"])
        {
            await output.WriteLineAsync(Usage);
            return Valid;
        }

        try
        {
            string verdict = args switch
            {
                [] => throw new UsageException("no command given"),
                ["inclusion", .. var rest] => ProofCommands.Inclusion(rest),
                ["consistency", .. var rest] => ProofCommands.Consistency(rest),
                ["checkpoint", .. var rest] => FileCommands.Checkpoint(rest),
                ["export", .. var rest] => await FileCommands.ExportAsync(rest),
                ["bundle", .. var rest] => Bundles.BundleCommand.Run(rest),
                ["statement", .. var rest] => await Statements.StatementCommand.RunAsync(rest),
                [var command, ..] => throw new UsageException($"unknown command \"{command}\""),
            };
            await output.WriteLineAsync("valid: " + verdict);
            return Valid;
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync("usage error: " + ex.Message);
            await error.WriteLineAsync(Usage);
            return UsageError;
        }
        catch (LedgerVerificationException ex)
        {
            await error.WriteLineAsync("invalid: " + ex.Message);
            return Invalid;
        }
    }
}
