"""Worker processes for ``-j``: items go out in chunks, results come back in input order, and a
worker that dies is charged with the one item it was working on.

``concurrent.futures`` cannot say which file a killed worker was linting: one dead worker breaks
the whole pool and every item in flight fails with it. Here each worker writes the position of the
item it starts into a slot of shared memory. When a worker dies — killed by the kernel for want of
memory, or by anyone's signal — that item settles as a ``Death``; the other items it held (done
but not yet sent back, or not started) go to the other workers, and a new worker takes its place.
Nothing is linted in the parent, and the run cannot hang on a dead worker: every death settles an
item, and a worker that dies between items (charged with none) may do so only a few times before
the items left settle as deaths too.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext, SpawnContext

    Context = ForkContext | SpawnContext  # the contexts that make processes (lint.parallel picks one)

Item = TypeVar("Item")
Answer = TypeVar("Answer")

IDLE = -1  # a worker's slot between items
IN_FLIGHT = 2  # chunks sent ahead to a worker, so that it never waits for this process between chunks
DEATHS_BETWEEN_ITEMS = 3  # deaths charged with no item before the items left are given up


@dataclass(frozen=True)
class Death:
    """What settles an item whose worker died while working on it."""

    exit_code: int  # the process's exit code; negative: the number of the signal that ended it

    def reason(self) -> str:
        if self.exit_code < 0:
            import signal

            number = -self.exit_code
            try:
                name = f", {signal.Signals(number).name}"
            except ValueError:
                name = ""
            hint = ": perhaps out of memory" if number == signal.SIGKILL else ""
            return f"the worker linting it was killed (signal {number}{name}{hint}); the other files were linted"
        return f"the worker linting it ended unexpectedly (exit code {self.exit_code}); the other files were linted"


Chunk = list[tuple[int, Any]]  # (position in the input, item); items and answers cross pipes as pickles


def pooled(
    items: Sequence[Item],
    workers: int,
    work: Callable[[Item], Answer],
    start: Callable[..., None],
    start_args: tuple[object, ...],
    chunk_size: int,
    context: Context,
) -> Iterator[Answer | Death]:
    """``work(item)`` for every item, each computed in one of ``workers`` processes (which first run
    ``start(*start_args)``), yielded in input order; a ``Death`` for an item whose worker died on it."""
    numbered = list(enumerate(items))
    queue: deque[Chunk] = deque(numbered[i : i + chunk_size] for i in range(0, len(numbered), chunk_size))
    crew = _Crew(context, min(workers, len(queue)), work, start, start_args)
    settled: dict[int, Any] = {}  # an answer as unpickled from a worker's pipe, or a Death
    finished = False
    try:
        for position in range(len(items)):
            while position not in settled:
                crew.step(queue, settled)
            yield settled.pop(position)
        finished = True
    finally:
        crew.close(finished)


class _Worker:
    def __init__(self, crew: _Crew, slot: int) -> None:
        self.slot = slot
        self.connection, child = crew.context.Pipe()
        crew.current[slot] = IDLE
        self.process = crew.context.Process(
            target=_serve, args=(child, crew.current, slot, crew.work, crew.start, crew.start_args), daemon=True
        )
        self.process.start()
        child.close()
        self.chunks: deque[Chunk] = deque()  # sent, not yet answered


class _Crew:
    """The worker processes of one run, and what each holds."""

    def __init__(
        self,
        context: Context,
        size: int,
        work: Callable[[Any], object],
        start: Callable[..., None],
        start_args: tuple[object, ...],
    ) -> None:
        self.context, self.work, self.start, self.start_args = context, work, start, start_args
        self.current = context.RawArray("q", max(1, size))  # the position each worker is on, or IDLE
        self.deaths_between_items = 0
        self.workers = [_Worker(self, slot) for slot in range(size)]

    def step(self, queue: deque[Chunk], settled: dict[int, object]) -> None:
        """Send out work, wait for an answer or a death, and settle what it tells."""
        from multiprocessing.connection import wait

        for worker in self.workers:
            while queue and len(worker.chunks) < IN_FLIGHT:
                chunk = queue.popleft()
                worker.chunks.append(chunk)  # held even if the send fails: its death gives the chunk back
                try:
                    worker.connection.send(chunk)
                except OSError:  # it has died: its sentinel is ready below
                    break
        if not any(worker.chunks for worker in self.workers):
            raise RuntimeError("no worker holds the items still to settle")  # pragma: no cover - a bug here
        waited_on: dict[Connection | int, _Worker] = {worker.connection: worker for worker in self.workers}
        waited_on.update({worker.process.sentinel: worker for worker in self.workers})
        for ready in wait(list(waited_on)):
            worker = waited_on[cast("Connection | int", ready)]  # wait() gives back what it was given
            if worker in self.workers:  # not replaced already (both its pipe and its sentinel were ready)
                self._hear(worker, queue, settled)

    def _hear(self, worker: _Worker, queue: deque[Chunk], settled: dict[int, object]) -> None:
        try:
            while worker.connection.poll():
                answers = worker.connection.recv()
                chunk = worker.chunks.popleft()
                settled.update((position, answer) for (position, _), answer in zip(chunk, answers, strict=True))
        except (EOFError, OSError):
            pass  # it died while sending: its sentinel says so below
        if worker.process.is_alive():
            return
        worker.process.join()
        self._bury(worker, queue, settled)

    def _bury(self, worker: _Worker, queue: deque[Chunk], settled: dict[int, object]) -> None:
        """Charge a dead worker's item with its death, give the rest back, and put a new worker in its place."""
        culprit = self.current[worker.slot]
        held = [entry for chunk in worker.chunks for entry in chunk]
        death = Death(worker.process.exitcode if worker.process.exitcode is not None else -9)
        if culprit != IDLE and any(position == culprit for position, _ in held):
            settled[culprit] = death
        else:
            self.deaths_between_items += 1
        rest = [entry for entry in held if entry[0] != culprit]
        worker.connection.close()
        index = self.workers.index(worker)
        if self.deaths_between_items > DEATHS_BETWEEN_ITEMS:
            for position, _ in rest + [entry for chunk in queue for entry in chunk]:
                settled[position] = death
            queue.clear()
            del self.workers[index]
            return
        if rest:
            queue.appendleft(rest)
        if queue:
            self.workers[index] = _Worker(self, worker.slot)
        else:
            del self.workers[index]

    def close(self, finished: bool) -> None:
        """End the workers: asked to, after a complete run; at once, when the run was cut short."""
        for worker in self.workers:
            if finished:
                with contextlib.suppress(OSError):  # a worker already gone needs no telling
                    worker.connection.send(None)
            else:
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(5 if finished else None)
            if worker.process.is_alive():  # pragma: no cover - a worker that does not stop when asked
                worker.process.kill()
                worker.process.join()
            worker.connection.close()


def _serve(
    connection: Connection,
    current: MutableSequence[int],
    slot: int,
    work: Callable[[Any], object],
    start: Callable[..., None],
    start_args: tuple[object, ...],
) -> None:
    """A worker's life: chunks in, answers out, until told to stop (None) or the parent is gone."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    start(*start_args)
    while True:
        try:
            chunk = connection.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        answers = []
        for position, item in chunk:
            current[slot] = position
            answers.append(work(item))
        current[slot] = IDLE
        connection.send(answers)
