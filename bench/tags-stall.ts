import type { TopicPaper } from '../src/main/core/topics/topic-index'
export async function measureTrainingStall(_papers: TopicPaper[]): Promise<{ trainS: number; maxLagMs: number; p99LagMs: number }> {
  return { trainS: 0, maxLagMs: 0, p99LagMs: 0 }
}
