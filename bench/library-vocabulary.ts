// Word lists the library generator draws from: the vocabulary of recent ML paper titles.

/** First halves of invented method names. */
// prettier-ignore
export const METHOD_HEADS = [
  'Flash', 'Long', 'Deep', 'Mega', 'Open', 'Fast', 'Spec', 'Mix', 'Auto', 'Quant', 'Sparse',
  'Hyper', 'Meta', 'Tiny', 'Omni', 'Uni', 'Vid', 'Code', 'Math', 'Chem', 'Geo', 'Bio', 'Robo',
  'Pano', 'Gen', 'Trans', 'Graph', 'Prompt', 'Self', 'Instruct', 'Align', 'Star', 'Nova', 'Kairos',
  'Lumen', 'Orca', 'Phi', 'Zephyr', 'Atlas', 'Hydra', 'Vega', 'Falcon', 'Medusa', 'Eagle',
] as const

/** Second halves of invented method names. */
// prettier-ignore
export const METHOD_TAILS = [
  'Former', 'Mamba', 'LoRA', 'Speed', 'Diff', 'Net', 'GPT', 'BERT', 'Mind', 'Agent', 'Coder',
  'Reasoner', 'Bench', 'Vision', 'Flow', 'Gen', 'Fusion', 'Tune', 'Search', 'Draft', 'Mixer',
  'Scope', 'Lens', 'Seg', 'Pilot', 'Sage', 'Attn', 'Cache', 'Prover', 'Planner', 'Dreamer',
  'Voice',
] as const

/** Version marks a method name may carry (mostly none). */
// prettier-ignore
export const METHOD_SUFFIXES = [
  '', '', '', '', '-2', '-3', '-R1', '-7B', 'v2', '++', '-XL', '-Pro',
] as const

/** Model families titles are about. */
// prettier-ignore
export const SUBJECTS = [
  'Large Language Models', 'Diffusion Language Models', 'Vision Transformers',
  'Multimodal Large Language Models', 'Mixture-of-Experts Models', 'State Space Models',
  'Video Diffusion Models', 'Reward Models', 'Small Language Models', 'Graph Neural Networks',
  'Vision-Language Models', 'Text-to-Image Diffusion Models', 'Speech Language Models',
  'Retrieval-Augmented Generation', 'Autoregressive Image Generators', 'Code Language Models',
  'Embodied Agents', 'Neural Radiance Fields', '3D Gaussian Splatting', 'Sparse Attention',
  'Linear Attention Transformers', 'Recurrent Neural Networks', 'Reasoning Models', 'Web Agents',
  'World Models', 'Protein Language Models', 'Masked Autoencoders', 'Policy Networks',
] as const

/** Tasks titles target. */
// prettier-ignore
export const TASKS = [
  'Long-Context Reasoning', 'Speculative Decoding', 'Mathematical Reasoning', 'Code Generation',
  'Instruction Following', 'Image Editing', 'Video Generation', 'Text-to-Speech',
  'Open-Vocabulary Segmentation', 'Robotic Manipulation', 'Multi-Turn Dialogue',
  'Machine Translation', 'Extreme Long Sequence Training', 'Preference Optimization', 'Tool Use',
  'Document Understanding', 'Protein Design', 'Weather Forecasting', 'Autonomous Driving',
  'Theorem Proving', 'Visual Question Answering', 'Query Rewriting', 'Knowledge Distillation',
  'Continual Learning', 'Federated Learning', 'Post-Training Quantization', 'KV Cache Compression',
  'Parameter-Efficient Fine-Tuning', 'Hallucination Detection', 'Data Curation', 'Dense Retrieval',
  'Depth Estimation', 'Motion Generation', 'Molecule Generation',
] as const

/** Techniques titles use. */
// prettier-ignore
export const TECHNIQUES = [
  'Reinforcement Learning', 'Contrastive Learning', 'Curriculum Learning', 'Self-Distillation',
  'Sequence Parallelism', 'Low-Rank Adaptation', 'Monte Carlo Tree Search', 'Token Merging',
  'Chain-of-Thought Prompting', 'Direct Preference Optimization', 'Flow Matching',
  'Masked Diffusion', 'Sparse Upcycling', 'Synthetic Data', 'Test-Time Scaling',
  'Activation Steering', 'Block-Wise Quantization', 'Dynamic Routing', 'Latent Planning',
  'Rejection Sampling', 'Mixture of Depths', 'Rotary Position Embeddings', 'Process Supervision',
] as const

/** Qualities titles claim. */
// prettier-ignore
export const ADJECTIVES = [
  'Efficient', 'Scalable', 'Robust', 'Faster', 'Unified', 'Simple', 'Training-Free',
  'Data-Efficient', 'Memory-Efficient', 'Interpretable', 'Controllable', 'Lossless', 'Adaptive',
  'Provable', 'Zero-Shot', 'Generalizable', 'Hierarchical', 'Multilingual', 'Self-Improving',
  'Parallel', 'Compositional', 'Verifiable', 'Sample-Efficient', 'Open',
] as const

/** Predicates of "X are Y" titles. */
// prettier-ignore
export const CLAIMS = [
  'Are Zero-Shot Reasoners', 'Can Teach Themselves', "Know What They Don't Know",
  'Are Secretly Reward Models', 'Learn to Plan', 'Need Better Benchmarks', 'Can Self-Correct',
  'Are Few-Shot Learners', 'Do Not Need Attention', 'Generalize Beyond Their Training Data',
] as const

/** What analysis papers study. */
// prettier-ignore
export const PROPERTIES = [
  'Emergence', 'Robustness', 'Calibration', 'Scaling Laws', 'Expressivity', 'Sample Complexity',
  'Failure Modes', 'Memorization', 'Faithfulness', 'Limits',
] as const

/** Benchmarks abstracts report on. */
// prettier-ignore
export const BENCHMARKS = [
  'GSM8K', 'MATH', 'HumanEval', 'MMLU', 'LongBench', 'ImageNet', 'COCO', 'SWE-bench', 'MT-Bench',
  'AlpacaEval', 'VBench', 'ScanNet', 'LibriSpeech', 'BEIR', 'ARC-AGI', 'GPQA', 'RULER',
] as const

/** Metrics abstracts report. */
// prettier-ignore
export const METRICS = [
  'accuracy', 'throughput', 'latency', 'perplexity', 'win rate', 'FID', 'recall',
] as const

/** Given names of authors. */
// prettier-ignore
export const FIRST_NAMES = [
  'Wei', 'Jing', 'Yu', 'Xin', 'Hao', 'Yi', 'Jun', 'Lei', 'Chen', 'Ming', 'Zhi', 'Yang', 'Tao',
  'Rui', 'Jie', 'Sam', 'Alex', 'Maria', 'David', 'Sarah', 'James', 'Anna', 'Michael', 'Laura',
  'Daniel', 'Emily', 'Tom', 'Julia', 'Pierre', 'Lucas', 'Sofia', 'Elena', 'Ivan', 'Olga', 'Priya',
  'Arjun', 'Rahul', 'Ananya', 'Vikram', 'Sanjay', 'Hiroshi', 'Yuki', 'Kenji', 'Min-jun', 'Ji-woo',
  'Seo-yeon', 'Omar', 'Fatima', 'Ahmed', 'Noah', 'Mateo', 'Chiara', 'Jonas', 'Lena', 'Amir',
  'Samyam', 'Reza', 'Ali', 'Tri', 'Albert', 'Percy', 'Yoshua', 'Kaiming', 'Ilya', 'Andrej',
] as const

/** Family names of authors (some common, so `author:` queries match many papers). */
// prettier-ignore
export const LAST_NAMES = [
  'Zhang', 'Wang', 'Li', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma',
  'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Luo', 'Gao', 'Smith', 'Johnson', 'Brown', 'Miller', 'Davis',
  'Garcia', 'Martinez', 'Rodriguez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin',
  'Dubois', 'Lefebvre', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Rossi', 'Bianchi', 'Ivanov',
  'Petrov', 'Sharma', 'Gupta', 'Patel', 'Singh', 'Kumar', 'Iyer', 'Rajbhandari', 'Tanaka', 'Sato',
  'Suzuki', 'Takahashi', 'Kim', 'Park', 'Lee', 'Choi', 'Nguyen', 'Tran', 'Hassan', 'Khan',
  'Rahman', 'Silva', 'Santos', 'Oliveira', 'Kowalski', 'Nowak', 'Jacobs', 'Dao', 'Gu', 'Liang',
  'Bengio', 'Sutskever', 'Karpathy', 'Rasley', 'Ruwase', 'Novak', 'Haddad', 'Okafor', 'Mensah',
] as const

/** Author affiliations. */
// prettier-ignore
export const AFFILIATIONS = [
  'Tsinghua University', 'Peking University', 'Stanford University', 'MIT', 'CMU', 'UC Berkeley',
  'University of Oxford', 'ETH Zurich', 'KAIST', 'University of Tokyo', 'Mila', 'NVIDIA',
  'Google DeepMind', 'Microsoft Research', 'Meta FAIR', 'Alibaba', 'ByteDance', 'EPFL',
] as const

/** Hugging Face organizations papers are posted under. */
export const ORGANIZATIONS = [
  { handle: 'nvidia', name: 'NVIDIA' },
  { handle: 'google', name: 'Google' },
  { handle: 'facebook', name: 'AI at Meta' },
  { handle: 'deepseek-ai', name: 'DeepSeek' },
  { handle: 'microsoft', name: 'Microsoft' },
  { handle: 'Qwen', name: 'Qwen' },
  { handle: 'allenai', name: 'Ai2' },
  { handle: 'mistralai', name: 'Mistral AI' },
  { handle: 'stanfordnlp', name: 'Stanford NLP' },
  { handle: 'THUDM', name: 'Tsinghua KEG' },
  { handle: 'ByteDance-Seed', name: 'ByteDance Seed' },
  { handle: 'apple', name: 'Apple' },
  { handle: 'openbmb', name: 'OpenBMB' },
  { handle: 'HuggingFaceTB', name: 'Hugging Face Smol Models Research' },
] as const

/** Tags users put on papers. */
// prettier-ignore
export const TAG_NAMES = [
  'llm', 'diffusion', 'rl', 'agents', 'vision', 'efficiency', 'reasoning', 'read-later', 'survey',
  'benchmark', 'multimodal', 'llm/decoding', 'llm/alignment', 'to-cite', 'speech', 'robotics',
  'theory', 'data', 'systems', 'reproduce',
] as const
