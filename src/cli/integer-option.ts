/**
 * The parser of every integer flag: the whole value must be a (signed) integer within the range,
 * or commander reports one line naming the flag and the range.
 */
import { InvalidArgumentError } from 'commander';

export function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return n;
  };
}
