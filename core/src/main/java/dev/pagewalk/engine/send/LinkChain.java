package dev.pagewalk.engine.send;

import java.util.List;

/** A {@link Chain} over a list of links: link {@code index} and the ones after it. */
final class LinkChain implements Chain {
  private final List<Link> links;
  private final int index;
  private final Call call;

  LinkChain(List<Link> links, int index, Call call) {
    this.links = links;
    this.index = index;
    this.call = call;
  }

  @Override
  public Call call() {
    return call;
  }

  @Override
  public Attempt proceed(Call call) {
    if (index >= links.size()) {
      throw new IllegalStateException("the last link must answer, not proceed: " + call.display());
    }
    return links.get(index).intercept(new LinkChain(links, index + 1, call));
  }
}
