//! `generate --events N`: a synthetic events file, for testing at scale.

use std::path::Path;
use std::process::ExitCode;

/// Writes `count` generated events (the same for the same `seed`) to `out`, or to standard
/// output.
pub fn generate(count: usize, seed: u64, out: Option<&Path>) -> ExitCode {
    let result = match out {
        Some(path) => std::fs::File::create(path).and_then(|file| {
            let mut writer = std::io::BufWriter::new(file);
            belarus_timeline::generate::write(&mut writer, count, seed)?;
            std::io::Write::flush(&mut writer)
        }),
        None => {
            let stdout = std::io::stdout();
            let mut writer = std::io::BufWriter::new(stdout.lock());
            belarus_timeline::generate::write(&mut writer, count, seed)
                .and_then(|()| std::io::Write::flush(&mut writer))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `generate … | head`: the reader had enough.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot write the generated file: {err}");
            ExitCode::FAILURE
        }
    }
}
