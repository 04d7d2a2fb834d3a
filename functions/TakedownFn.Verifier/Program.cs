// The auditors' offline verifier: checks proofs, checkpoints and exports with nothing but the
// log's public key. Exit codes: 0 valid, 1 invalid, 2 usage error.
return await TakedownFn.Verifier.VerifierCli.RunAsync(args, Console.Out, Console.Error);
