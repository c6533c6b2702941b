// A small circuit breaker: after `threshold` consecutive failures, calls are refused for `coolDownMs`,
// so a dead LLM or translation provider costs nothing while it is down.
export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;
  constructor(
    private readonly threshold = 3,
    private readonly coolDownMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get open(): boolean {
    return this.now() < this.#openUntil;
  }

  success() {
    this.#failures = 0;
  }

  failure() {
    this.#failures++;
    if (this.#failures >= this.threshold) {
      this.#openUntil = this.now() + this.coolDownMs;
      this.#failures = 0;
    }
  }
}
