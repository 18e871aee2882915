import { post } from '../action/post.js';

await post();
