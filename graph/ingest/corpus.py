"""Extract a corpus into JSON-lines partitions, on all cores, resumably.

The input (files, folders, JSONL files of ``{id, url, date, title, text}`` records)
is listed in a fixed order and cut into partitions of ``partition_size`` items.
Each partition becomes one file ``part-NNNNN-<digest>.jsonl`` whose name hashes
its items and the extractor version, written to a temporary name and renamed
when complete: a re-run skips every partition whose file is there, and a run
killed half-way leaves no half file behind. ``_manifest.json`` names the current
partitions so that ``load --extractions`` reads those and no stale ones.

``run_partition`` is the unit of work for every engine: a process pool here, Dask
(``graph.ingest.dask_engine``) on a cluster; both write the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.documents import make_document
from graph.errors import DocumentSourceError, WhometError
from graph.ingest.loader import default_extractor, default_reader, iter_sources
from graph.model import Document, Extraction, current_extractor_version

MANIFEST = "_manifest.json"
DEFAULT_PARTITION_SIZE = 100
MAX_RECORD_BYTES = 5_000_000


class CorpusRecord(BaseModel):
    """One line of an input JSONL: an article already reduced to text."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    url: str | None = None
    date: str | None = None
    title: str | None = None


class SourceRef(BaseModel):
    """One input item: a file, or the line of a JSONL file that starts at ``offset``."""

    model_config = ConfigDict(frozen=True)

    path: str
    offset: int | None = None
    # A file's stored name, as ``whomet load`` names it (relative to the folder given, never
    # the absolute path it was read from); not part of the key.
    name: str | None = None

    def key(self) -> str:
        return self.path if self.offset is None else f"{self.path}@{self.offset}"


class ExtractionLine(BaseModel):
    """One line of an output partition: the extraction, or why there is none."""

    model_config = ConfigDict(extra="forbid")

    source: str
    extractor_version: str
    doc_id: str | None = None
    extraction: Extraction | None = None
    error: str | None = None


class Partition(BaseModel):
    index: int
    sources: list[SourceRef]
    # The extractor's version (graph/extract/version.py) names the partition: a changed
    # extractor writes new partitions instead of resuming into the old ones.
    version: str = Field(default_factory=current_extractor_version)

    @property
    def name(self) -> str:
        digest = hashlib.sha256(
            "\n".join([self.version, *(s.key() for s in self.sources)]).encode()
        ).hexdigest()[:12]
        return f"part-{self.index:05d}-{digest}.jsonl"


class PartitionResult(BaseModel):
    name: str
    documents: int = 0
    errors: int = 0
    skipped: bool = False  # already written by an earlier run


class CorpusSummary(BaseModel):
    out_dir: str
    partitions: list[PartitionResult] = Field(default_factory=list)

    @property
    def documents(self) -> int:
        return sum(p.documents for p in self.partitions if not p.skipped)

    @property
    def errors(self) -> int:
        return sum(p.errors for p in self.partitions if not p.skipped)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.partitions if p.skipped)


# -- listing the input ------------------------------------------------------------------------


def _jsonl_offsets(path: Path) -> list[SourceRef]:
    """Byte offsets of the non-blank lines (no JSON is parsed here: workers do that)."""
    refs = []
    offset = 0
    try:
        with path.open("rb") as fh:
            for line in fh:
                if line.strip():
                    refs.append(SourceRef(path=str(path), offset=offset))
                offset += len(line)
    except OSError as exc:
        raise DocumentSourceError(f"{path}: cannot read: {exc.strerror}") from exc
    return refs


def list_sources(inputs: Iterable[str | Path]) -> list[SourceRef]:
    """Every item of the input in a fixed order: ``.jsonl`` files line by line, the rest as
    ``whomet load`` finds them (folders recursively, sorted)."""
    refs: list[SourceRef] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_file() and path.suffix.lower() == ".jsonl":
            refs.extend(_jsonl_offsets(path))
        else:
            refs.extend(SourceRef(path=str(p), name=name) for p, name in iter_sources([path]))
    unique: dict[str, SourceRef] = {}
    for ref in refs:
        unique.setdefault(ref.key(), ref)  # the first name a file is listed under
    return list(unique.values())


def partition(sources: Sequence[SourceRef], size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    if size < 1:
        raise ValueError("partition size must be at least 1")
    return [
        Partition(index=i // size, sources=list(sources[i : i + size]))
        for i in range(0, len(sources), size)
    ]


# -- one partition (runs in a worker) ---------------------------------------------------------


def read_source(ref: SourceRef) -> Document:
    """The Document of one input item (a file read as ``whomet load`` reads it, or a record)."""
    if ref.offset is None:
        doc = default_reader()(Path(ref.path))
        return doc if ref.name is None else doc.model_copy(update={"path": ref.name})
    with open(ref.path, "rb") as fh:
        fh.seek(ref.offset)
        line = fh.readline(MAX_RECORD_BYTES + 1)
    if len(line) > MAX_RECORD_BYTES:
        raise DocumentSourceError(f"{ref.key()}: record over {MAX_RECORD_BYTES} bytes")
    try:
        rec = CorpusRecord.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "record"
        raise DocumentSourceError(
            f"{ref.key()}: not a {{id, text, ...}} record ({where}: {first['msg']})"
        ) from None
    meta = {"title": rec.title, "date": rec.date, "url": rec.url}
    return make_document(rec.text, metadata=meta, doc_id=rec.id, url=rec.url)


def extract_line(ref: SourceRef, extractor: Callable[[Document], Extraction]) -> ExtractionLine:
    try:
        doc = read_source(ref)
    except WhometError as exc:
        return ExtractionLine(
            source=ref.key(), extractor_version=current_extractor_version(), error=str(exc)
        )
    try:
        extraction = extractor(doc)
    except Exception as exc:  # an extractor bug on one document must not lose the partition
        return ExtractionLine(
            source=ref.key(),
            extractor_version=current_extractor_version(),
            doc_id=doc.id,
            error=f"extractor failed: {type(exc).__name__}: {exc}",
        )
    return ExtractionLine(
        source=ref.key(),
        extractor_version=extraction.extractor_version,
        doc_id=doc.id,
        extraction=extraction,
    )


def run_partition(part: Partition, out_dir: str) -> PartitionResult:
    """Write one partition file (temp name, fsync, rename); skip it when already there."""
    target = Path(out_dir) / part.name
    if target.exists():
        return PartitionResult(name=part.name, skipped=True)
    extractor = default_extractor()
    result = PartitionResult(name=part.name)
    tmp = target.with_name(f".{part.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for ref in part.sources:
            line = extract_line(ref, extractor)
            if line.error is None:
                result.documents += 1
            else:
                result.errors += 1
            fh.write(line.model_dump_json(exclude_none=True))
            fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return result


# -- the whole corpus --------------------------------------------------------------------------

Engine = Callable[[list[Partition], str], Iterable[PartitionResult]]


def process_pool(workers: int) -> Engine:
    """All local cores: one process per worker, each living for many partitions."""

    def run(parts: list[Partition], out_dir: str) -> Iterable[PartitionResult]:
        if workers <= 1:
            return [run_partition(p, out_dir) for p in parts]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(run_partition, parts, [out_dir] * len(parts)))

    return run


def extract_corpus(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    engine: Engine | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> CorpusSummary:
    """Extract every input item into partitions under ``out_dir`` (see the module doc)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = partition(list_sources(inputs), partition_size)
    run = engine or process_pool(os.cpu_count() or 1)
    results = list(run(parts, str(out)))
    manifest = {
        "extractor_version": current_extractor_version(),
        "partitions": [p.name for p in parts],
    }
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out / MANIFEST)
    return CorpusSummary(out_dir=str(out), partitions=results)


def partition_files(out_dir: str | Path) -> list[Path]:
    """The partitions to read: those the manifest names, else every ``part-*.jsonl``."""
    out = Path(out_dir)
    if not out.is_dir():
        raise DocumentSourceError(f"{out}: no such folder")
    manifest = out / MANIFEST
    if manifest.is_file():
        try:
            names = json.loads(manifest.read_text(encoding="utf-8"))["partitions"]
        except (ValueError, KeyError, TypeError) as exc:
            raise DocumentSourceError(f"{manifest}: not a whomet manifest ({exc})") from exc
        missing = [n for n in names if not (out / n).is_file()]
        if missing:
            raise DocumentSourceError(
                f"{out}: {len(missing)} partitions missing (first {missing[0]}); "
                "run `whomet extract --out` again to finish them"
            )
        return [out / n for n in names]
    return sorted(out.glob("part-*.jsonl"))
