export * from './chat';
export * from './clarify-plan';
export * from './image';
export * from './refine';
export * from './write';
