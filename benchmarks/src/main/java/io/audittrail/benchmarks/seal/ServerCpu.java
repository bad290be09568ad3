package io.audittrail.benchmarks.seal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a PostgreSQL server has used, user and system, of its postmaster and every
 * process it started, read from {@code /proc/<pid>/stat}: the postmaster's own time, the
 * time of its children that have ended (which it has waited for) and that of each running
 * child (backends, WAL writer, checkpointer, autovacuum).
 */
final class ServerCpu {

	/** Linux reports these times in clock ticks of 1/100 s ({@code USER_HZ}). */
	static final long MICROS_PER_TICK = 10_000;

	private static final Path PROC = Path.of("/proc");

	private final long postmaster;

	/**
	 * @param postmaster the process id of the server's postmaster
	 */
	ServerCpu(long postmaster) {
		this.postmaster = postmaster;
	}

	/** The server of a backend: the backend's parent. */
	static ServerCpu ofBackend(long backendPid) {
		Stat backend = Stat.read(PROC.resolve(Long.toString(backendPid)).resolve("stat"));
		if (backend == null) {
			throw new IllegalStateException("No process " + backendPid + " in /proc: is the database on this machine?");
		}
		return new ServerCpu(backend.ppid());
	}

	/** The CPU time used so far. */
	Sample sample() {
		long backends = 0;
		long autovacuum = 0;
		long others = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC,
				(path) -> path.getFileName().toString().chars().allMatch(Character::isDigit))) {
			for (Path process : processes) {
				Stat stat = Stat.read(process.resolve("stat"));
				if (stat == null) {
					continue;
				}
				if (stat.pid() == this.postmaster) {
					// children that ended are mostly autovacuum workers; backends stay in
					// the pools
					autovacuum += stat.childTicks();
					others += stat.ownTicks();
				}
				else if (stat.ppid() == this.postmaster) {
					String title = title(process);
					if (title.contains("autovacuum worker")) {
						autovacuum += stat.ticks();
					}
					else if (title.startsWith("postgres: postgres ")) {
						backends += stat.ticks();
					}
					else {
						others += stat.ticks();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list /proc", ex);
		}
		return new Sample(backends * MICROS_PER_TICK, autovacuum * MICROS_PER_TICK, others * MICROS_PER_TICK);
	}

	private static String title(Path process) {
		try {
			return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ').trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The server's CPU time in microseconds, by kind of process.
	 *
	 * @param backends the connections' processes, which run the statements
	 * @param autovacuum the autovacuum workers, those that ended included
	 * @param others the postmaster, WAL writer, checkpointer, background writer and I/O
	 * workers
	 */
	record Sample(long backends, long autovacuum, long others) {

		long total() {
			return this.backends + this.autovacuum + this.others;
		}

		Sample minus(Sample earlier) {
			return new Sample(this.backends - earlier.backends, this.autovacuum - earlier.autovacuum,
					this.others - earlier.others);
		}

	}

	/**
	 * The fields of a process's stat line that count here.
	 *
	 * @param pid the process id
	 * @param ppid its parent's id
	 * @param ownTicks its user and system time
	 * @param childTicks the user and system time of its children that ended
	 */
	record Stat(long pid, long ppid, long ownTicks, long childTicks) {

		long ticks() {
			return this.ownTicks + this.childTicks;
		}

		/** Reads a stat file; {@code null} when the process has gone meanwhile. */
		static Stat read(Path file) {
			String line;
			try {
				line = Files.readString(file);
			}
			catch (IOException ex) {
				return null;
			}
			// the command name (2nd field) is in parentheses and may hold spaces
			int end = line.lastIndexOf(')');
			String[] fields = line.substring(end + 2).trim().split(" ");
			// fields[0] is the 3rd field (state): ppid is the 4th, utime to cstime the
			// 14th to 17th
			return new Stat(Long.parseLong(line.substring(0, line.indexOf(' '))), Long.parseLong(fields[1]),
					Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
					Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
		}

	}

}
