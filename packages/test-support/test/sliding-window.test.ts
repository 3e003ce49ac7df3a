/** mostInWindow: the most times within any window, a window being [t, t + windowMs). */
import { describe, expect, it } from 'vitest';
import { mostInWindow } from '../src/index.js';

describe('mostInWindow', () => {
  it('counts the fullest window, its end excluded', () => {
    expect(mostInWindow([0, 100, 999, 1000, 1500], 1000)).toBe(3);
    expect(mostInWindow([0, 100, 999, 1000, 1500], 1001)).toBe(4);
  });

  it('no times, none; one time, one', () => {
    expect(mostInWindow([], 1000)).toBe(0);
    expect(mostInWindow([5], 1000)).toBe(1);
  });
});
