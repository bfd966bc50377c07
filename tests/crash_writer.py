"""Crash-safety harness: a writer making acknowledged saves, killed with SIGKILL at random moments.

    python tests/crash_writer.py run LIBRARY SEED ACKFILE [ACK_DELAY]  # one writer, saves until killed
    python tests/crash_writer.py serve LIBRARY              # a fork server (see below)

Each save goes through the real save path (``save_or_recover``: the tracked
``save_article_text`` in one ``BEGIN IMMEDIATE`` transaction, with the
article's content hash) and rewrites every block of one article; after its
commit the writer appends ``ACK <article> <version> <sha256>`` to ACKFILE
with a single ``write``.  The text of every block is a pure function of
(article, version, position), so after a kill ``verify`` can tell exactly
what must be there: every acknowledged save, at most one more committed but
unacknowledged save per article, and never a save half-present.

Starting Python and SQLAlchemy costs half a second, so the fork server
imports everything once and forks a fresh writer per run: ``run SEED ACKFILE``
on its stdin answers the child's pid, ``kill PID`` SIGKILLs and reaps it and
answers ``dead``.  The server never opens the library itself.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from db.safety_models import article_text_digest  # noqa: E402

ARTICLES = 6
BLOCKS = 4
_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"  # noqa: E501
_LENGTHS = (3, 40, 300, 1500)


def block_text(article: int, version: int, position: int) -> str:
    """The text block ``position`` of ``article`` has at ``version`` (short to overflow-page long)."""
    rng = random.Random(article * 1_000_003 + version * 7_919 + position)
    body = "".join(rng.choice(_CHARS) for _ in range(rng.choice(_LENGTHS)))
    return f"〔{article}/{version}/{position}〕{body}"


def article_texts(article: int, version: int, blocks: int = BLOCKS) -> list[str]:
    """Every block's text of ``article`` at ``version``."""
    return [block_text(article, version, p) for p in range(blocks)]


def make_library(path: Path, articles: int = ARTICLES, blocks: int = BLOCKS) -> list[int]:
    """A fresh library whose articles are at version 1 with ``article_texts``; returns their ids."""
    from db.integrity import record_hashes
    from db.models import Article, Block, Issue, utcnow
    from db.opening import open_library

    library = open_library(path)
    try:
        with library.writing() as session:
            now = utcnow()
            issue = Issue(
                source_name="crash.txt",
                source_stem="crash",
                sha256="0" * 64,
                encoding="utf-8",
                char_count=2,
                imported_at=now,
            )
            session.add(issue)
            session.flush()
            ids = []
            for position in range(articles):
                article = Article(
                    issue_id=issue.id, position=position, span_start=0, span_end=2, updated_at=now
                )
                session.add(article)
                session.flush()
                ids.append(article.id)
                for b, text in enumerate(article_texts(article.id, 1, blocks)):
                    session.add(
                        Block(article_id=article.id, position=b, role="paragraph", text=text, pieces=[[0, 2]])
                    )
            session.flush()
            record_hashes(session, ids)
        return ids
    finally:
        library.close()


def write_forever(library_path: Path, seed: int, ack_path: Path, ack_delay: float = 0.0) -> None:
    """Save random articles one after another, acknowledging each commit; never returns.

    ``ack_delay`` (seconds, at most) widens the gap between a commit and its
    acknowledgement, so that kills also land there.
    """
    from sqlalchemy import select

    from db.engine import Library, create_library_engine, database_url
    from db.models import Article
    from reader.services.recovery import save_or_recover

    rng = random.Random(seed)
    ack = os.open(ack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    # The library was created at head by make_library: skip the (slow, no-op) migration check.
    library = Library(create_library_engine(database_url(library_path)))
    with library.session() as session:
        versions = dict(session.execute(select(Article.id, Article.version)).all())
    os.write(ack, b"READY\n")
    while True:
        article = rng.choice(sorted(versions))
        base = versions[article]
        texts = article_texts(article, base + 1)
        attempt = save_or_recover(library, article, texts, author="crash", base_version=base)
        if not attempt.saved or attempt.result is None:
            raise SystemExit(f"save failed: {attempt.error}")
        versions[article] = attempt.result.version
        if ack_delay:
            time.sleep(rng.uniform(0, ack_delay))
        os.write(ack, f"ACK {article} {attempt.result.version} {article_text_digest(texts)}\n".encode())


def read_acks(ack_path: Path) -> tuple[dict[int, int], int, bool]:
    """(newest acknowledged version per article, number of acks, writer got ready) from an ack file."""
    acked: dict[int, int] = {}
    count = 0
    ready = False
    try:
        data = ack_path.read_bytes()
    except FileNotFoundError:
        return acked, count, ready
    for line in data.decode().split("\n")[:-1]:  # a torn last line is no acknowledgement
        if line == "READY":
            ready = True
        elif line.startswith("ACK "):
            _, article, version, digest = line.split()
            if digest != article_text_digest(article_texts(int(article), int(version))):
                raise AssertionError(f"ack of article {article} v{version} names a different text")
            acked[int(article)] = max(acked.get(int(article), 1), int(version))
            count += 1
    return acked, count, ready


@dataclass
class Verified:
    """What one verification found."""

    problems: list[str] = field(default_factory=list)
    in_flight: int = 0  # saves committed but killed before their acknowledgement
    versions: dict[int, int] = field(default_factory=dict)  # every article's version found


def verify(library_path: Path, known: dict[int, int]) -> Verified:
    """Check the library after a kill.

    ``known`` is, per article, the newest version that must be there: the
    version verified after the previous kill, or a newer one acknowledged
    since.  The single writer of one run may have committed one more save
    without acknowledging it, never two.
    """
    result = Verified()
    conn = sqlite3.connect(f"file:{quote(str(library_path))}?mode=ro", uri=True)
    try:
        check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            result.problems.append(f"integrity_check: {check}")
            return result
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            result.problems.append("foreign_key_check found dangling rows")
        versions = dict(conn.execute("SELECT id, version FROM article"))
        hashes = {
            row[0]: (row[1], row[2])
            for row in conn.execute("SELECT article_id, sha256, version FROM article_hash")
        }
        result.versions = dict(versions)
        for article, version in sorted(versions.items()):
            texts = [
                r[0]
                for r in conn.execute(
                    "SELECT text FROM block WHERE article_id=? ORDER BY position", (article,)
                )
            ]
            want = known.get(article, 1)
            if version < want:
                result.problems.append(f"article {article}: saved v{want} lost, library has v{version}")
            elif version > want + 1:
                result.problems.append(f"article {article}: v{version} but only v{want} acknowledged")
            elif version == want + 1:
                result.in_flight += 1
            if texts != article_texts(article, version, len(texts)):
                stamps = sorted({t[: t.index("〕") + 1] for t in texts})
                result.problems.append(f"article {article} v{version}: blocks from different saves {stamps}")
            if hashes.get(article) != (article_text_digest(texts), version):
                result.problems.append(f"article {article} v{version}: content hash not saved with the text")
    finally:
        conn.close()
    return result


def serve(library_path: Path) -> None:
    """The fork server loop (see the module docstring)."""
    import importlib

    from db.engine import create_library_engine

    for module in ("db.integrity", "reader.services.recovery", "reader.services.tracking.saving"):
        importlib.import_module(module)  # import everything once, before forking
    create_library_engine("sqlite://").dispose()  # loads the SQLite dialect; opens nothing

    for line in sys.stdin:
        command, *args = line.split()
        if command == "run":
            pid = os.fork()
            if pid == 0:
                try:
                    write_forever(library_path, int(args[0]), Path(args[1]), float(args[2]))
                except BaseException:
                    traceback.print_exc()
                finally:
                    os._exit(1)
            print(pid, flush=True)
        elif command == "kill":
            pid = int(args[0])
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            print("dead", flush=True)
        elif command == "quit":
            return


@dataclass
class CrashStats:
    """Figures of a series of kills."""

    kills: int = 0
    kills_while_saving: int = 0  # the writer had acknowledged at least one save when it was killed
    acks: int = 0
    in_flight: int = 0  # saves found committed although their acknowledgement was never written
    cold_starts: int = 0
    problems: list[str] = field(default_factory=list)


class _ForkServer:
    def __init__(self, library_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "serve", str(library_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer:
            raise RuntimeError(f"the fork server died (exit status {self.process.wait()})")
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait(timeout=30)
        assert self.process.stdout is not None
        self.process.stdout.close()


def _wait_for(ack_path: Path, acks: int, timeout: float = 60) -> None:
    """Wait until the writer is ready and has acknowledged ``acks`` saves in this run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _acked, count, ready = read_acks(ack_path)
        if ready and count >= acks:
            return
        time.sleep(0.005)
    raise RuntimeError(f"the writer made no progress in {timeout} s ({ack_path})")


def _await_kill_moment(rng: random.Random, ack_path: Path, max_delay: float, cold: bool) -> None:
    """Pick the kill moment: a tenth of warm writers die while starting (opening, WAL recovery);
    the others after 0-3 acknowledged saves plus a random part of the next one, whatever the
    machine's speed."""
    if not cold and rng.random() < 0.1:
        time.sleep(rng.uniform(0, 0.03))
        return
    _wait_for(ack_path, rng.randint(0, 3))
    time.sleep(rng.uniform(0, max_delay))


def crash_loop(
    library_path: Path,
    kills: int,
    work_dir: Path,
    *,
    seed: int = 0,
    max_delay: float = 0.1,
    ack_delay: float = 0.01,
    cold_every: int = 0,
) -> CrashStats:
    """Start a writer, SIGKILL it at a random moment, verify; ``kills`` times (stops at a problem).

    Writers are forked from a warm server; every ``cold_every``-th run (if
    not 0) is a fresh interpreter.  ``max_delay`` should be about one save.
    """
    rng = random.Random(seed)
    stats = CrashStats()
    known: dict[int, int] = {}  # per article: the version that must be there (see verify)
    server = _ForkServer(library_path)
    try:
        for run in range(kills):
            ack_path = work_dir / f"acks-{run}.txt"
            if cold_every and run % cold_every == cold_every - 1:
                stats.cold_starts += 1
                args = [
                    sys.executable,
                    __file__,
                    "run",
                    str(library_path),
                    str(seed * 100_003 + run),
                    str(ack_path),
                ]
                process = subprocess.Popen(args, cwd=REPO)
                _await_kill_moment(rng, ack_path, max_delay, cold=True)
                process.kill()
                process.wait()
            else:
                pid = int(server.ask(f"run {seed * 100_003 + run} {ack_path} {ack_delay}"))
                _await_kill_moment(rng, ack_path, max_delay, cold=False)
                if server.ask(f"kill {pid}") != "dead":
                    raise RuntimeError("the fork server did not reap the writer")
            new, count, _ready = read_acks(ack_path)
            ack_path.unlink(missing_ok=True)
            for article, version in new.items():
                known[article] = max(known.get(article, 1), version)
            stats.kills += 1
            stats.acks += count
            stats.kills_while_saving += count > 0
            found = verify(library_path, known)
            stats.in_flight += found.in_flight
            known.update(found.versions)  # a save found committed must stay, acknowledged or not
            if found.problems:
                stats.problems += [f"after kill {run + 1}: {p}" for p in found.problems]
                break
    finally:
        server.close()
    return stats


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"] and len(argv) in (4, 5):
        write_forever(Path(argv[1]), int(argv[2]), Path(argv[3]), float(argv[4]) if len(argv) == 5 else 0.0)
    elif argv[:1] == ["serve"] and len(argv) == 2:
        serve(Path(argv[1]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
