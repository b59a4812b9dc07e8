/**
 * The example's one import site of the library. In your own project this is `import … from 'trainscope'`.
 */
export * from '../../src/index.js';
