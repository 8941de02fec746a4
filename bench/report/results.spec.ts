import { atLeast, atMost } from './results';

describe('a benchmark target', () => {
  it('given a ratio just under its goal, then it shows rounded but is judged as measured', () => {
    const target = atLeast('single commands / raw single-row inserts', 3586 / 4493, 0.8);

    expect(target).toEqual({ description: 'single commands / raw single-row inserts', value: 0.8, goal: '>= 0.8', pass: false });
  });

  it('given a ratio at or over its goal, then it is met', () => {
    expect(atLeast('a', 0.8, 0.8).pass).toBe(true);
    expect(atLeast('a', 0.8049, 0.8)).toMatchObject({ value: 0.8, pass: true });
  });

  it('shows as many decimals as it is asked to', () => {
    expect(atLeast('alignment', 0.0954, 0.1, 3)).toMatchObject({ value: 0.095, pass: false });
  });

  it('given a figure with a ceiling, then it is met up to the ceiling and no further', () => {
    expect(atMost('p99', 50, 50).pass).toBe(true);
    expect(atMost('p99', 50.01, 50).pass).toBe(false);
  });
});
