// A front page and an article screen, written against the client generated from openapi/openapi.yaml.
// It must type-check as it is: no casts, no non-null assertions, every field used as the spec declares it
// (a required field is there, a nullable one is handled). `.ci/run` runs `npm run check` here.
import createClient from "openapi-fetch";
import type { components, paths } from "./target/gazette";

type Post = components["schemas"]["Post"];
type Comment = components["schemas"]["Comment"];

const api = createClient<paths>({ baseUrl: "http://localhost:8080" });

export async function frontPage(): Promise<string[]> {
  const { data, error } = await api.GET("/api/v1/posts", {
    params: { query: { limit: 10, include: ["author", "categories"], sort: "newest" } },
  });
  if (error) {
    throw new Error(`${error.status} ${error.title}: ${error.detail ?? ""}`);
  }
  const lines = data.items.map((post: Post) => {
    const by = post.author ? post.author.displayName : `author #${post.authorId}`;
    const sections = (post.categories ?? []).map((c) => c.name).join(", ");
    const credit = post.source ? ` (first published by ${post.source.outlet})` : "";
    const when = post.publishedAt ? new Date(post.publishedAt).toDateString() : "not yet published";
    return `${post.sticky ? "[pinned] " : ""}${post.title}${credit}, by ${by}, ${when} in ${sections}: `
      + `${post.commentCount} comments, ${post.likeCount} likes`;
  });
  const next: string | null = data.page.next;
  if (next !== null) {
    lines.push(`more: cursor ${next}`);
  }
  return lines;
}

export async function article(slug: string): Promise<string> {
  const post = await api.GET("/api/v1/posts/{idOrSlug}", { params: { path: { idOrSlug: slug } } });
  if (post.error) {
    return post.response.status === 404 ? "gone" : post.error.title;
  }
  const tree = await api.GET("/api/v1/posts/{idOrSlug}/comments", {
    params: { path: { idOrSlug: slug }, query: { sort: "top", replies: 200 } },
  });
  const discussion = tree.data ? tree.data.items.map((c: Comment) => thread(c, 0)).join("\n") : "comments unavailable";
  const html: string = post.data.content ?? post.data.excerpt;
  return `<h1>${post.data.title}</h1>${html}<section>${discussion}</section>`;
}

function thread(comment: Comment, depth: number): string {
  const own = `${"  ".repeat(depth)}${comment.author.name}: ${comment.contentHtml} (${comment.likeCount} likes)`;
  const below = (comment.replies ?? []).map((reply) => thread(reply, depth + 1));
  const more = comment.moreReplies ? [`${"  ".repeat(depth + 1)}${comment.moreReplies.remaining} more replies`] : [];
  return [own, ...below, ...more].join("\n");
}

export async function likePost(slug: string, visitor: string): Promise<number> {
  const { data, error } = await api.PUT("/api/v1/posts/{idOrSlug}/like", {
    params: { path: { idOrSlug: slug }, header: { "X-Visitor-Id": visitor } },
  });
  return error ? -1 : data.likeCount;
}
