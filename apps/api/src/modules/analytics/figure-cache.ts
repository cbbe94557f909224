import { Injectable } from '@nestjs/common';
import type { Calibration } from '@scorecard/contracts';
import type { Slice } from './slice-sql.js';

/**
 * What a calibration answer depends on besides its slice, read in one statement with (or before)
 * the figures: the data version of the slice's scopes (`figure_versions`, bumped by triggers in the
 * transaction of every write that can change a figure) and the applications on which the viewer
 * has a draft of their own (the independence rule leaves those out). Two readers with the same key
 * get the same answer, whoever they are.
 */
export interface FigureKey {
  version: string;
  drafts: string[];
}

/** The most answers kept: an answer is a few kilobytes; old versions simply age out. */
const CAPACITY = 512;

/**
 * Computed calibration answers, kept by slice and data version (issue 25 §2: materialised on read,
 * invalidated on write). A figure is computed in full from the first submissions once per version
 * and then answered from here: the version is read in the same statement as the figures, so an
 * answer is only ever stored under the version its data had, and a write (which bumps the version
 * in its own transaction) makes every later read miss. Per process: each instance of the API
 * computes once per version, and never answers from another's state.
 */
@Injectable()
export class FigureCache {
  private readonly answers = new Map<string, Calibration>();

  static keyOf(organizationId: string, slice: Slice, includeImported: boolean, key: FigureKey): string {
    return JSON.stringify([
      organizationId,
      slice.openingId,
      slice.from?.toISOString() ?? null,
      slice.to?.toISOString() ?? null,
      includeImported,
      key.version,
      key.drafts,
    ]);
  }

  get(key: string): Calibration | undefined {
    const answer = this.answers.get(key);
    if (answer) {
      // Least recently used goes first: a hit moves to the end of the map's order.
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: Calibration): void {
    this.answers.delete(key);
    this.answers.set(key, answer);
    while (this.answers.size > CAPACITY) this.answers.delete(this.answers.keys().next().value!);
  }
}
