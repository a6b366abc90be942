// The median of one page's Lighthouse runs, judged against the goals; prints "pass|<table cells>" or "miss|...".
'use strict';
const fs = require('fs');

const GOALS = { performance: 0.9, accessibility: 1, bestPractices: 1, cls: 0.1 };
const runs = process.argv.slice(2).filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
  .filter((r) => r.categories?.performance?.score != null);
if (!runs.length) {
  console.log('miss| not measured (Lighthouse gave no scores) | | | | | | | 0');
  process.exit(0);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = {
  performance: median(runs.map((r) => r.categories.performance.score)),
  accessibility: median(runs.map((r) => r.categories.accessibility.score)),
  bestPractices: median(runs.map((r) => r.categories['best-practices'].score)),
  cls: median(runs.map((r) => r.audits['cumulative-layout-shift'].numericValue)),
  tbt: median(runs.map((r) => r.audits['total-blocking-time'].numericValue)),
  lcp: median(runs.map((r) => r.audits['largest-contentful-paint'].numericValue)),
};
const pass = m.performance >= GOALS.performance && m.accessibility >= GOALS.accessibility
  && m.bestPractices >= GOALS.bestPractices && m.cls <= GOALS.cls;
const pct = (x) => Math.round(x * 100);
console.log(`${pass ? 'pass' : 'miss'}|${pct(m.performance)} | ${pct(m.accessibility)} | ${pct(m.bestPractices)} | `
  + `${m.cls.toFixed(3)} | ${Math.round(m.tbt)} ms | ${(m.lcp / 1000).toFixed(1)} s | ${runs.length}`);
