//! Output: standard output, or the file `-o/--output` names, written atomically (a temporary file in the
//! same directory, renamed over the target only once everything is written), so a failed run never
//! leaves a half-written file. A target that exists and is no regular file (`/dev/null`, `/dev/stdout`,
//! a named pipe) is written straight through: renaming over it would replace the device itself.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use tempfile::NamedTempFile;

/// The `-o/--output` option every command has.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct OutputArg {
    /// Write the output to this file (atomically: all or nothing; a device or pipe is written
    /// through) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Where a command writes: standard output, a device or pipe, or a temporary file waiting to become
/// the output file.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    Device(BufWriter<File>),
    File {
        file: BufWriter<NamedTempFile>,
        target: PathBuf,
    },
}

impl Sink {
    /// Standard output when `path` is `None`, else a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Sink> {
        let Some(target) = path else {
            return Ok(Sink::Stdout(BufWriter::new(io::stdout())));
        };
        let is_device = std::fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if is_device {
            let device = OpenOptions::new()
                .write(true)
                .open(target)
                .with_context(|| format!("cannot write {}", target.display()))?;
            return Ok(Sink::Device(BufWriter::new(device)));
        }
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".newsbrief-")
            .tempfile_in(dir)
            .with_context(|| format!("cannot write {}", target.display()))?;
        Ok(Sink::File {
            file: BufWriter::new(temp),
            target: target.to_owned(),
        })
    }

    /// Flushes, and for a file renames the finished temporary file over the target. A sink dropped
    /// without this leaves no file behind.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut out) => Ok(out.flush()?),
            Sink::Device(mut out) => Ok(out.flush()?),
            Sink::File { file, target } => {
                let shown = || format!("cannot write {}", target.display());
                let temp = file
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(shown)?;
                set_readable(&temp).with_context(shown)?;
                temp.persist(&target)
                    .map_err(|e| e.error)
                    .with_context(shown)?;
                Ok(())
            }
        }
    }
}

/// Temporary files are private (0600); the output gets the usual permissions of a new file.
#[cfg(unix)]
fn set_readable(temp: &NamedTempFile) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    temp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_: &NamedTempFile) -> io::Result<()> {
    Ok(())
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Device(out) => out.write(buf),
            Sink::File { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Device(out) => out.flush(),
            Sink::File { file, .. } => file.flush(),
        }
    }
}

/// Writes all of `text` to standard output or, atomically, to `path`.
pub fn write_all(path: Option<&Path>, text: &str) -> anyhow::Result<()> {
    let mut sink = Sink::open(path)?;
    sink.write_all(text.as_bytes())?;
    sink.finish()
}
